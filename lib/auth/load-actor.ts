import { and, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { lookupDb } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { env } from "@/lib/env";
import type { StaffActor } from "./actor";

/** What a session token says: the staff id and the session version stamped at sign-in. */
export type SessionClaims = { sub?: string | null; sessionVersion?: unknown };

const claimsSchema = z.object({ sub: z.uuid(), sessionVersion: z.number().int().positive() });

const actorColumns = {
  id: staffUsers.id,
  email: staffUsers.email,
  name: staffUsers.name,
  role: staffUsers.role,
  timeZone: staffUsers.timeZone,
};

/** The one rule for "this token is a live session": the account, active, approved, at the token's session version. */
const liveSession = (sub: string, sessionVersion: number) =>
  and(
    eq(staffUsers.id, sub),
    eq(staffUsers.active, true),
    eq(staffUsers.approvalPending, false),
    eq(staffUsers.sessionVersion, sessionVersion),
  );

type ActorRow = Omit<StaffActor, "kind" | "timeZone"> & { timeZone: string | null };

// Staff who chose no zone see the agency's (as lib/staff/time-zone.ts agencyTimeZone(); auth sits below staff).
const toActor = (user: ActorRow): StaffActor => ({
  kind: "staff",
  ...user,
  timeZone: user.timeZone ?? env.AGENCY_TIME_ZONE,
});

/**
 * The actor behind a session: re-read from the database on every request, so a role change, a
 * deactivation or a sign-out applies on the very next request. A token whose session version is
 * not the account's current one (signed out, signed out everywhere, deactivated, role or password
 * changed since; or issued before versions existed) is treated as signed out. Unknown, inactive or awaiting approval → null.
 */
export async function loadActor(claims: SessionClaims | null | undefined): Promise<StaffActor | null> {
  const parsed = claimsSchema.safeParse(claims ?? {});
  if (!parsed.success) return null;
  const { sub, sessionVersion } = parsed.data;
  const [user] = await lookupDb
    .select(actorColumns)
    .from(staffUsers)
    .where(liveSession(sub, sessionVersion))
    .limit(1)
    // A named statement: every request reads the actor, and an unnamed one with parameters costs
    // postgres.js a describe round trip each time (decision 0018); a lookup, so PostgreSQL may keep its plan (0046).
    .prepare("load_actor")
    .execute();
  return user ? toActor(user) : null;
}

/**
 * loadActor, with `extra` scalar figures (subqueries; they may refer to the row as
 * `staff_users.id`) selected in the same statement: one round trip instead of two for a caller
 * that reads them on every request (the console shell's counts, decision 0041). Same rule, same
 * result for the actor; the figures come back as the driver returns them, and only with an
 * actor: the caller decides what the actor may see of them. `extra` must not vary per call (its
 * text is a prepared statement per connection).
 */
export async function loadActorWith<E extends Record<string, SQL>>(
  claims: SessionClaims | null | undefined,
  extra: E,
): Promise<{ actor: StaffActor; extra: Record<keyof E, unknown> } | null> {
  const parsed = claimsSchema.safeParse(claims ?? {});
  if (!parsed.success) return null;
  const { sub, sessionVersion } = parsed.data;
  const [row] = await lookupDb
    .select({ actor: actorColumns, extra })
    .from(staffUsers)
    .where(liveSession(sub, sessionVersion))
    .limit(1)
    .prepare("load_actor_with")
    .execute();
  return row ? { actor: toActor(row.actor), extra: row.extra as Record<keyof E, unknown> } : null;
}
