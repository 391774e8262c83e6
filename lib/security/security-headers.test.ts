import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isMalformedPath, newNonce, securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("forbids framing twice over (CSP and X-Frame-Options) and leaks no referrer", () => {
    const headers = securityHeaders("abc", { https: false, dev: false });
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("sends HSTS and upgrades requests only when the console runs on https", () => {
    expect(securityHeaders("n", { https: false, dev: false })["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders("n", { https: true, dev: false });
    expect(https["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("lets only scripts carrying this request's nonce run; eval only in development", () => {
    expect(contentSecurityPolicy("n0nce", { https: false, dev: false })).toContain(
      "script-src 'self' 'nonce-n0nce' 'strict-dynamic';",
    );
    expect(contentSecurityPolicy("n0nce", { https: false, dev: false })).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n0nce", { https: false, dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n0nce", { https: false, dev: false })).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("makes a new nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("isMalformedPath", () => {
  it("spots paths that cannot be percent-decoded", () => {
    expect(isMalformedPath("/connect/%ff")).toBe(true);
    expect(isMalformedPath("/invite/%E0%A4%A")).toBe(true);
    expect(isMalformedPath("/connect/abc_DEF-123")).toBe(false);
    expect(isMalformedPath("/merchants/%C3%A9")).toBe(false);
  });
});
