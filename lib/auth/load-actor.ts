import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { env } from "@/lib/env";
import type { StaffActor } from "./actor";

/** What a session token says: the staff id and the session version stamped at sign-in. */
export type SessionClaims = { sub?: string | null; sessionVersion?: unknown };

const claimsSchema = z.object({ sub: z.uuid(), sessionVersion: z.number().int().positive() });

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
  const [user] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      timeZone: staffUsers.timeZone,
    })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.id, sub),
        eq(staffUsers.active, true),
        eq(staffUsers.approvalPending, false),
        eq(staffUsers.sessionVersion, sessionVersion),
      ),
    )
    .limit(1)
    // A named statement: every request reads the actor, and an unnamed one with parameters costs
    // postgres.js a describe round trip each time (decision 0018; db/client.ts keeps custom plans).
    .prepare("load_actor")
    .execute();
  // Staff who chose no zone see the agency's (as lib/staff/time-zone.ts agencyTimeZone(); auth sits below staff).
  return user ? { kind: "staff", ...user, timeZone: user.timeZone ?? env.AGENCY_TIME_ZONE } : null;
}
