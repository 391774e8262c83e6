import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { isPublicPath } from "@/lib/auth/public-paths";

/**
 * Next 16's proxy (formerly middleware): sends anonymous visitors of console routes to /login
 * and answers anonymous API calls with 401. Convenience only: a valid token says nothing about
 * role or deactivation, so pages, actions and verbs check the actor themselves.
 * It also stamps `x-pathname`, which requirePagePermission() uses for `callbackUrl`.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-pathname", `${pathname}${search}`);
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });

  if (isPublicPath(pathname)) return next();

  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token?.sub) return next();

  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "Please sign in." }, { status: 401 });
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Skip Next's static assets and image optimizer; everything else passes through proxy().
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
