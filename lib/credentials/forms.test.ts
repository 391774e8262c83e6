import { describe, expect, it } from "vitest";
import { createConnectLinkFormSchema, localDateTime, recordKeyFormSchema } from "./forms";

const merchantId = "7f9c2b1e-3d4a-4b5c-8d6e-1f2a3b4c5d6e";

describe("credential forms", () => {
  it("reads a zone-less date with the browser's offset", () => {
    // UTC+1 in winter: getTimezoneOffset() is -60.
    expect(localDateTime("2025-02-03T10:15", -60)?.toISOString()).toBe("2025-02-03T09:15:00.000Z");
    expect(localDateTime("yesterday", 0)).toBeNull();
  });

  it("leaves an empty date to mean now and defaults the channel to email", () => {
    expect(recordKeyFormSchema.parse({ merchantId, key: "abc", receivedAt: "" })).toEqual({ merchantId, via: "email", receivedAt: undefined, value: "abc" });
  });

  it("names an unreadable date on its field", () => {
    const result = recordKeyFormSchema.safeParse({ merchantId, key: "abc", receivedAt: "soon" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["receivedAt"], message: "Enter a date and time." });
  });

  it("reads the email checkbox", () => {
    expect(createConnectLinkFormSchema.parse({ merchantId, emailMerchant: "on" }).emailMerchant).toBe(true);
    expect(createConnectLinkFormSchema.parse({ merchantId }).emailMerchant).toBe(false);
  });
});
