import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isPublicPath } from "@/lib/auth/public-paths";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import { isMalformedPath, newNonce, securityHeaders } from "@/lib/security/security-headers";

/**
 * Next 16's proxy (formerly middleware), on every request but static files:
 * - stamps the security headers on the response, with a fresh CSP nonce that Next also reads
 *   from the request's Content-Security-Policy header for its own scripts (so pages must render
 *   per request; the root layout opts in);
 * - answers paths that cannot be percent-decoded (`/connect/%ff`) with our 404 page;
 * - sends anonymous visitors of console routes to /login and answers anonymous API calls with
 *   401. Convenience only: a valid token says nothing about role or deactivation, so pages,
 *   actions and verbs check the actor themselves;
 * - stamps `x-pathname`, which requirePagePermission() uses for `callbackUrl`.
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, {
    https: env.APP_URL.startsWith("https:"),
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);

  const response = await route(request, requestHeaders);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function route(request: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  // No such page: rendering it as an unknown path gives app/not-found.tsx with status 404.
  if (isMalformedPath(pathname))
    return NextResponse.rewrite(new URL("/_malformed-path", request.url), { request: { headers: requestHeaders } });

  requestHeaders.set("x-pathname", `${pathname}${search}`);
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });
  if (isPublicPath(pathname)) return next();

  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, decode: decodeSessionToken });
  if (token?.sub) return next();

  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "Please sign in." }, { status: 401 });
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Skip Next's static assets and image optimizer (next.config.ts gives those their headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
