import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackUrl("/merchants/42?tab=timeline")).toBe("/merchants/42?tab=timeline");
  });

  it.each(["https://evil.test/queue", "//evil.test/queue", "/\\evil.test", "javascript:alert(1)"])("refuses %s", (value) => {
    expect(safeCallbackUrl(value)).toBe("/queue");
  });

  it("falls back when missing or pointing at the login page itself", () => {
    expect(safeCallbackUrl(undefined)).toBe("/queue");
    expect(safeCallbackUrl("/login?callbackUrl=/x")).toBe("/queue");
  });
});
