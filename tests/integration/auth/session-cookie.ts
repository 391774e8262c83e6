import { decode, encode } from "next-auth/jwt";
import type { Session } from "next-auth";
import type { StaffUser } from "@/db/schema";
import { authOptions } from "@/lib/auth/auth-options";
import { loadActor } from "@/lib/auth/load-actor";
import { env } from "@/lib/env";

/**
 * What next-auth does around a real session cookie, with the app's own callbacks: sign-in runs
 * the jwt callback and encodes the cookie; each request decodes it, runs the session callback and
 * getActor() hands the result to loadActor(). Sign-out decodes it and fires `events.signOut`.
 */
export async function signInCookie(user: Pick<StaffUser, "id" | "email" | "name">): Promise<string> {
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: user.id },
    user: { id: user.id, email: user.email, name: user.name },
    account: null,
    trigger: "signIn",
  });
  return encode({ token, secret: env.NEXTAUTH_SECRET });
}

export async function actorForCookie(cookie: string) {
  const token = await decode({ token: cookie, secret: env.NEXTAUTH_SECRET });
  if (!token) return null;
  const session = (await authOptions.callbacks!.session!({
    session: { user: {}, expires: "" } as Session,
    token,
    user: undefined as never,
    newSession: undefined,
    trigger: "update",
  })) as Session;
  return loadActor({ sub: session.user.id, sessionVersion: session.user.sessionVersion });
}

export async function signOutCookie(cookie: string) {
  const token = await decode({ token: cookie, secret: env.NEXTAUTH_SECRET });
  await authOptions.events!.signOut!({ token: token!, session: undefined as never });
}
