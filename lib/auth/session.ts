import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { UnauthenticatedError } from "@/lib/errors";
import { can, type StaffActor } from "./actor";
import { env } from "@/lib/env";
import { loadActor } from "./load-actor";
import { decodeSessionToken } from "./session-token";
import type { Permission } from "./permissions";

/**
 * The signed-in staff member for this request, or null (no session, signed out, unknown or deactivated).
 * Memoised per request (React `cache`): the console layout and the page both ask, and each ask
 * decoded the session token and read staff_users again.
 *
 * The token is decrypted from the cookie (the same cookie name and expiry check as the proxy's
 * `getToken`), not through `getServerSession`: in a server component that ran next-auth's whole
 * session endpoint (options, CSRF token, callbacks) and encrypted a renewed token that a page
 * cannot set anyway, once per page view. Only `sub` and `sessionVersion` are used, as the
 * session callback in auth-options.ts passes on; loadActor checks both against the database.
 */
export const getActor = cache(async function getActor(): Promise<StaffActor | null> {
  // Opt into request-time rendering before the secret (env) is read, so that `next build`
  // never tries to prerender a signed-in page without the server env.
  await connection();
  // Cookies only (no `headers`): a Bearer header never signs anyone into a page.
  const token = await getToken({
    req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env.NEXTAUTH_SECRET,
    decode: decodeSessionToken,
  });
  return loadActor({ sub: token?.sub, sessionVersion: token?.sessionVersion });
});

/** For server actions and route handlers: the actor, or UnauthenticatedError. */
export async function requireActor(): Promise<StaffActor> {
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/**
 * For pages: anonymous → /login (coming back here afterwards); signed in without the
 * permission → the 403 page. Verbs still authorize on their own; this only picks the screen.
 */
export async function requirePagePermission(permission: Permission): Promise<StaffActor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  if (!can(actor, permission)) redirect(`/forbidden?from=${encodeURIComponent(await currentPath())}`);
  return actor;
}

/** The proxy stamps the requested path on `x-pathname`, since pages cannot read their own URL. */
async function currentPath(): Promise<string> {
  const path = (await headers()).get("x-pathname");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
