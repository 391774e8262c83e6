import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { outboxEmails, staffDigestPreferences } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { auditStaffChange } from "@/lib/staff/audit";
import { parseInput } from "@/lib/validation/parse-input";
import type { DigestKind } from "./vocabulary";

const inputSchema = z.object({ daily: z.boolean(), weekly: z.boolean() }).strict();
export type DigestPreferences = z.infer<typeof inputSchema>;

/** The signed-in staff member's digest choices; both on until they opt out. */
export async function getDigestPreferences(actor: StaffActor | null): Promise<DigestPreferences> {
  authorize(actor, "profile:update");
  const [row] = await db
    .select({ daily: staffDigestPreferences.daily, weekly: staffDigestPreferences.weekly })
    .from(staffDigestPreferences)
    .where(eq(staffDigestPreferences.staffId, actor.id));
  return row ?? { daily: true, weekly: true };
}

/**
 * Opts the signed-in staff member in or out of each digest. Audited in words; a digest turned off
 * that is planned but not yet sent is cancelled in the same transaction (the mailer re-checks too).
 */
export async function updateDigestPreferences(
  actor: StaffActor | null,
  input: DigestPreferences,
): Promise<DigestPreferences> {
  authorize(actor, "profile:update");
  const wanted = parseInput(inputSchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ daily: staffDigestPreferences.daily, weekly: staffDigestPreferences.weekly })
      .from(staffDigestPreferences)
      .where(eq(staffDigestPreferences.staffId, actor.id))
      .for("update");
    const current = before ?? { daily: true, weekly: true };
    if (current.daily === wanted.daily && current.weekly === wanted.weekly) return wanted;
    await tx
      .insert(staffDigestPreferences)
      .values({ staffId: actor.id, ...wanted })
      .onConflictDoUpdate({ target: staffDigestPreferences.staffId, set: { ...wanted, updatedAt: sql`now()` } });
    const off: DigestKind[] = [];
    if (!wanted.daily) off.push("daily_digest");
    if (!wanted.weekly) off.push("weekly_digest");
    if (off.length)
      await tx
        .update(outboxEmails)
        .set({ status: "cancelled", lastError: "opted out" })
        .where(
          and(eq(outboxEmails.staffId, actor.id), inArray(outboxEmails.kind, off), eq(outboxEmails.status, "planned")),
        );
    await auditStaffChange(tx, actor, "staff.digests_changed", actor.id, wanted);
    return wanted;
  });
}
