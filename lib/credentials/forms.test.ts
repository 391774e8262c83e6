import { describe, expect, it } from "vitest";
import { createConnectLinkFormSchema, recordKeyFormSchema, recordSecretFormSchema } from "./forms";

const merchantId = "7f9c2b1e-3d4a-4b5c-8d6e-1f2a3b4c5d6e";

describe("credential forms", () => {
  it("reads a zone-less date in the staff member's zone, summer and winter", () => {
    const winter = recordKeyFormSchema.parse({
      merchantId,
      key: "abc",
      receivedAt: "2025-02-03T10:15",
      timeZone: "Europe/Amsterdam",
    });
    expect(winter.receivedAt?.toISOString()).toBe("2025-02-03T09:15:00.000Z");
    const summer = recordSecretFormSchema.parse({
      merchantId,
      secret: "abc",
      receivedAt: "2025-07-03T10:15",
      timeZone: "Europe/Amsterdam",
    });
    expect(summer.receivedAt?.toISOString()).toBe("2025-07-03T08:15:00.000Z");
    const newYork = recordKeyFormSchema.parse({
      merchantId,
      key: "abc",
      receivedAt: "2025-07-03T10:15",
      timeZone: "America/New_York",
    });
    expect(newYork.receivedAt?.toISOString()).toBe("2025-07-03T14:15:00.000Z");
  });

  it("ignores any offset the browser sends", () => {
    const parsed = recordKeyFormSchema.parse({
      merchantId,
      key: "abc",
      receivedAt: "2025-02-03T10:15",
      tzOffset: "300",
      timeZone: "UTC",
    });
    expect(parsed.receivedAt?.toISOString()).toBe("2025-02-03T10:15:00.000Z");
  });

  it("leaves an empty date to mean now and defaults the channel to email", () => {
    expect(recordKeyFormSchema.parse({ merchantId, key: "abc", receivedAt: "", timeZone: "UTC" })).toEqual({
      merchantId,
      via: "email",
      receivedAt: undefined,
      value: "abc",
    });
  });

  it("names an unreadable date or zone on its field", () => {
    const result = recordKeyFormSchema.safeParse({ merchantId, key: "abc", receivedAt: "soon", timeZone: "UTC" });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["receivedAt"],
      message: "Enter a date and time as dd-mm-yyyy hh:mm.",
    });
    expect(recordKeyFormSchema.safeParse({ merchantId, key: "abc", timeZone: "Mars/Olympus" }).success).toBe(false);
  });

  it("reads the email checkbox", () => {
    expect(createConnectLinkFormSchema.parse({ merchantId, emailMerchant: "on" }).emailMerchant).toBe(true);
    expect(createConnectLinkFormSchema.parse({ merchantId }).emailMerchant).toBe(false);
  });
});
