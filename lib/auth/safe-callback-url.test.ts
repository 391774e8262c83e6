import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

const APP = "https://console.actenzo.test";
const safe = (value: string | string[] | undefined) => safeCallbackUrl(value, APP);

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safe("/merchants/42?tab=timeline")).toBe("/merchants/42?tab=timeline");
    expect(safe("/queue?step=keys#top")).toBe("/queue?step=keys#top");
    expect(safe("merchants/42")).toBe("/merchants/42");
    // Same scheme without slashes is a relative path in WHATWG parsing: it stays on the console.
    expect(safe("https:evil.example")).toBe("/evil.example");
  });

  it("turns an absolute URL on the console's own origin into its path", () => {
    expect(safe("https://console.actenzo.test/admin/staff")).toBe("/admin/staff");
  });

  it.each([
    // Dot segments that collapse into a protocol-relative path (docs/decisions/0011).
    "/.//evil.example/phish",
    "/..//evil.example/phish",
    "/%2e//evil.example/phish",
    "/%2E%2E//evil.example/phish",
    "/a/../..//evil.example/phish",
    "/./\\evil.example",
    // Protocol-relative and backslash forms.
    "//evil.example/phish",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    // Whitespace the URL parser strips or ignores.
    " //evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    // Other origins and schemes.
    "https://evil.example/queue",
    "http://console.actenzo.test/queue",
    "https://console.actenzo.test:8443/queue",
    "https://console.actenzo.test.evil.example/queue",
    "https://user:pass@console.actenzo.test/queue",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:ops@evil.example",
  ])("refuses %j", (value) => {
    expect(safe(value)).toBe("/queue");
  });

  it("keeps encoded slashes encoded, so they stay a path on the console", () => {
    expect(safe("/%2f%2fevil.example")).toBe("/%2f%2fevil.example");
    expect(safe("/%5cevil.example")).toBe("/%5cevil.example");
  });

  it("never returns something a browser could read as another host", () => {
    for (const value of ["/.//x", "/%2e//x", "//x", "/\\x", "https://x", "/ok"]) {
      const result = safe(value);
      expect(new URL(result, APP).origin).toBe(APP);
      expect(result).toMatch(/^\/(?![/\\])/);
    }
  });

  it("falls back when missing, unparsable, or pointing at the login page itself", () => {
    expect(safe(undefined)).toBe("/queue");
    expect(safe("")).toBe("/queue");
    expect(safe("http://[::1")).toBe("/queue");
    expect(safe("/login?callbackUrl=/x")).toBe("/queue");
    expect(safe("/login")).toBe("/queue");
    expect(safe("/login-help")).toBe("/login-help");
  });

  it("takes the first of repeated query values", () => {
    expect(safe(["/merchants/1", "//evil.example"])).toBe("/merchants/1");
    expect(safe(["//evil.example", "/merchants/1"])).toBe("/queue");
  });
});
