import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { UnauthenticatedError } from "@/lib/errors";
import { can, type StaffActor } from "./actor";
import { authOptions } from "./auth-options";
import { loadActor } from "./load-actor";
import type { Permission } from "./permissions";

/**
 * The signed-in staff member for this request, or null (no session, signed out, unknown or deactivated).
 * Memoised per request (React `cache`): the console layout and the page both ask, and each ask
 * decoded the session token and read staff_users again.
 */
export const getActor = cache(async function getActor(): Promise<StaffActor | null> {
  // Opt into request-time rendering before getServerSession reads the secret (env), so that
  // `next build` never tries to prerender a signed-in page without the server env.
  await connection();
  const session = await getServerSession(authOptions);
  return loadActor({ sub: session?.user?.id, sessionVersion: session?.user?.sessionVersion });
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
