/**
 * The security headers every response carries (docs/decisions/0011). Pure, so the proxy and the
 * tests build them the same way. The CSP uses a per-request nonce: Next reads it from the
 * request's Content-Security-Policy header and puts it on its own inline and chunk scripts, and
 * 'strict-dynamic' lets those load the rest. Styles allow 'unsafe-inline' because Radix and
 * React render style attributes that a nonce cannot cover; scripts are what CSP must hold.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Dev only: React's dev build and Fast Refresh evaluate code.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // No page of the console may be framed (the workspace has Reveal and Cancel buttons).
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers that do not depend on the request; also used for static files (next.config.ts). */
export const STATIC_SECURITY_HEADERS = {
  "X-Frame-Options": "DENY",
  // Tokens live in /invite/… and /connect/… URLs: never send any URL to another site.
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
} as const;

/** Two years, subdomains included, once the console is served over https. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function securityHeaders(
  nonce: string,
  options: { https: boolean; dev: boolean },
): Record<string, string> & { "Content-Security-Policy": string } {
  return {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** A fresh unguessable nonce per request (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** True when the path cannot be percent-decoded (`/connect/%ff`); Next would answer 500/400. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
