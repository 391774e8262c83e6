import { describe, expect, it } from "vitest";
import { credentialHalfSchema, keyFingerprint, receivedAtSchema } from "./credential-input";

const KEY = "abcd0123456789abcdef0123456789wxyz".slice(0, 28) + "wxyz";

describe("credential half input", () => {
  it("accepts 32 letters or digits and trims what an email paste adds", () => {
    expect(KEY).toHaveLength(32);
    expect(credentialHalfSchema("key").parse(`  ${KEY}\n`)).toBe(KEY);
  });

  it("explains a wrong length and foreign characters without echoing the value", () => {
    const short = credentialHalfSchema("secret").safeParse(KEY.slice(0, 31));
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe(
      "The API secret must be exactly 32 letters or digits; this one has 31.",
    );
    const dashed = credentialHalfSchema("key").safeParse(`${KEY.slice(0, 31)}-`);
    expect(dashed.error?.issues[0]?.message).toMatch(/only contain letters and digits/);
    expect(JSON.stringify(dashed.error?.issues)).not.toContain(KEY.slice(0, 31));
    expect(credentialHalfSchema("key").safeParse("   ").error?.issues[0]?.message).toBe("Enter the API key.");
  });

  it("fingerprints the key as its first and last four characters", () => {
    expect(keyFingerprint(KEY)).toBe("abcd…wxyz");
  });

  it("refuses a received date in the future", () => {
    expect(receivedAtSchema.safeParse(new Date(Date.now() + 86_400_000)).success).toBe(false);
    expect(receivedAtSchema.parse("2024-05-01T10:00:00Z")?.toISOString()).toBe("2024-05-01T10:00:00.000Z");
  });
});
