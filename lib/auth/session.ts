import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { SQL } from "drizzle-orm";
import { createLogger } from "@/lib/logger";
import { UnauthenticatedError } from "@/lib/errors";
import { can, type StaffActor } from "./actor";
import { env } from "@/lib/env";
import { loadActor, loadActorWith, type SessionClaims } from "./load-actor";
import { decodeSessionToken } from "./session-token";
import type { Permission } from "./permissions";

const log = createLogger("auth.session");

/** The session token's claims, decrypted once per request (React `cache`). */
const sessionClaims = cache(async function sessionClaims(): Promise<SessionClaims> {
  // Opt into request-time rendering before the secret (env) is read, so that `next build`
  // never tries to prerender a signed-in page without the server env.
  await connection();
  // Cookies only (no `headers`): a Bearer header never signs anyone into a page.
  const token = await getToken({
    req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env.NEXTAUTH_SECRET,
    decode: decodeSessionToken,
  });
  return { sub: token?.sub, sessionVersion: token?.sessionVersion };
});

/** This request's actor read, once started (by getActor or getActorWith); one object per request. */
const thisRequest = cache((): { actor?: Promise<StaffActor | null> } => ({}));

/**
 * The signed-in staff member for this request, or null (no session, signed out, unknown or deactivated).
 * Read once per request: the console layout and the page both ask, and each ask decoded the
 * session token and read staff_users again.
 *
 * The token is decrypted from the cookie (the same cookie name and expiry check as the proxy's
 * `getToken`), not through `getServerSession`: in a server component that ran next-auth's whole
 * session endpoint (options, CSRF token, callbacks) and encrypted a renewed token that a page
 * cannot set anyway, once per page view. Only `sub` and `sessionVersion` are used, as the
 * session callback in auth-options.ts passes on; loadActor checks both against the database.
 */
export function getActor(): Promise<StaffActor | null> {
  const request = thisRequest();
  return (request.actor ??= sessionClaims().then(loadActor));
}

/**
 * getActor, with `extra` figures selected in the same statement as the actor's row (loadActorWith):
 * for the console layout, which reads its counts on every page view (decision 0041). `extra` is
 * null, and the caller reads its figures on its own, when this request read its actor already or
 * when the combined statement failed (then the actor is read alone: figures never cost a sign-in).
 */
export async function getActorWith<E extends Record<string, SQL>>(
  extra: E,
): Promise<{ actor: StaffActor | null; extra: Record<keyof E, unknown> | null }> {
  const request = thisRequest();
  if (request.actor) return { actor: await request.actor, extra: null };
  const combined = sessionClaims().then((claims) =>
    loadActorWith(claims, extra).catch((error: unknown) => {
      log.warn("actor with extra figures unavailable; reading the actor alone", { error });
      return loadActor(claims).then((actor) => ({ actor, extra: null }));
    }),
  );
  request.actor = combined.then((read) => read?.actor ?? null);
  const read = await combined;
  return { actor: read?.actor ?? null, extra: read?.extra ?? null };
}

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
