import { describe, expect, it } from "vitest";
import { merchantReplyAddress } from "./reply-address";

describe("merchantReplyAddress", () => {
  const id = "0b5c7e3a-1d2f-4a6b-9c8d-7e6f5a4b3c2d";
  it("puts the merchant id after a plus in the access address", () => {
    expect(merchantReplyAddress(id, "admin.access@actenzo.test")).toBe(`admin.access+${id}@actenzo.test`);
    expect(merchantReplyAddress(id, "admin.access+x@actenzo.test")).toBe(`admin.access+${id}@actenzo.test`);
  });
  it("is off without an access address", () => {
    expect(merchantReplyAddress(id, undefined)).toBeNull();
  });
});
