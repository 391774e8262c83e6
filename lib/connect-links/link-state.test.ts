import { describe, expect, it } from "vitest";
import { linkState } from "./link-state";
import { generateLinkToken, hashLinkToken, isWellFormedToken } from "./token";

const now = new Date("2025-03-10T12:00:00Z");
const later = new Date("2025-03-11T12:00:00Z");

describe("linkState", () => {
  it("is valid until it expires, then expired", () => {
    expect(linkState({ expiresAt: later, revokedAt: null, spentAt: null }, now)).toBe("valid");
    expect(linkState({ expiresAt: now, revokedAt: null, spentAt: null }, now)).toBe("expired");
  });

  it("prefers spent and revoked over expiry", () => {
    expect(linkState({ expiresAt: now, revokedAt: null, spentAt: now }, later)).toBe("spent");
    expect(linkState({ expiresAt: now, revokedAt: now, spentAt: null }, later)).toBe("revoked");
  });
});

describe("link tokens", () => {
  it("are 32 random bytes in base64url, stored as a sha-256 hex digest", () => {
    const token = generateLinkToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(hashLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkToken(token)).not.toContain(token);
    expect(generateLinkToken()).not.toBe(token);
    expect(isWellFormedToken("../../etc/passwd")).toBe(false);
  });
});
