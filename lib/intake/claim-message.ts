import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { env } from "@/lib/env";

/** A claim older than this (default 5 minutes) belongs to a worker that died; another takes the message over. */
export const staleClaimMs = () => env.INTAKE_STALE_CLAIM_MS;

export type MessageSlot = { mailbox: string; uidValidity: number; uid: number };

/**
 * Claims one message for this worker before it is read: the unique (mailbox, uidvalidity, uid)
 * lets exactly one insert win, so two workers polling at once, or a retried tick, never handle a
 * message twice. A stale claim (the worker died mid-message) is taken over. Returns the row id
 * when this worker owns the message, null when another worker does or it was done already.
 */
export async function claimMessage(slot: MessageSlot): Promise<string | null> {
  const [inserted] = await db
    .insert(intakeMessages)
    .values({ ...slot, status: "claimed" })
    .onConflictDoNothing()
    .returning({ id: intakeMessages.id });
  if (inserted) return inserted.id;
  const [taken] = await db
    .update(intakeMessages)
    .set({ claimedAt: sql`now()` })
    .where(
      and(
        eq(intakeMessages.mailbox, slot.mailbox),
        eq(intakeMessages.uidValidity, slot.uidValidity),
        eq(intakeMessages.uid, slot.uid),
        eq(intakeMessages.status, "claimed"),
        lt(intakeMessages.claimedAt, new Date(Date.now() - staleClaimMs())),
      ),
    )
    .returning({ id: intakeMessages.id });
  return taken?.id ?? null;
}
