import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { env } from "@/lib/env";

/** A claim older than this (default 5 minutes) belongs to a worker that died; another takes the message over. */
export const staleClaimMs = () => env.INTAKE_STALE_CLAIM_MS;

/** Milliseconds, as a JS Date holds them: a claim is compared by its exact time (renewClaim). */
const CLAIM_NOW = sql`date_trunc('milliseconds', clock_timestamp())`;

export type MailboxGeneration = { mailbox: string; uidValidity: number };

/**
 * Claims messages for this worker before they are read: the unique (mailbox, uidvalidity, uid)
 * lets exactly one insert win, so two workers polling at once, or a retried tick, never handle a
 * message twice. A stale claim (the worker died mid-message) is taken over. Returns the messages
 * this worker now owns; the others belong to another worker or were done already.
 */
export type Claim = { id: string; uid: number; claimedAt: Date };

export async function claimMessages(slot: MailboxGeneration, uids: number[]): Promise<Claim[]> {
  if (!uids.length) return [];
  const inserted = await db
    .insert(intakeMessages)
    .values(uids.map((uid) => ({ ...slot, uid, status: "claimed" as const, claimedAt: CLAIM_NOW })))
    .onConflictDoNothing()
    .returning({ id: intakeMessages.id, uid: intakeMessages.uid, claimedAt: intakeMessages.claimedAt });
  const won = new Set(inserted.map((r) => r.uid));
  const rest = uids.filter((uid) => !won.has(uid));
  if (!rest.length) return inserted;
  const taken = await db
    .update(intakeMessages)
    .set({ claimedAt: CLAIM_NOW })
    .where(
      and(
        eq(intakeMessages.mailbox, slot.mailbox),
        eq(intakeMessages.uidValidity, slot.uidValidity),
        inArray(intakeMessages.uid, rest),
        eq(intakeMessages.status, "claimed"),
        lt(intakeMessages.claimedAt, new Date(Date.now() - staleClaimMs())),
      ),
    )
    .returning({ id: intakeMessages.id, uid: intakeMessages.uid, claimedAt: intakeMessages.claimedAt });
  return [...inserted, ...taken];
}

/**
 * Renews this worker's claim right before it handles the message; null when another worker took
 * it over meanwhile (this one was too slow), so a claim is only ever acted on by its holder.
 */
export async function renewClaim(claim: Claim): Promise<Claim | null> {
  const [row] = await db
    .update(intakeMessages)
    .set({ claimedAt: CLAIM_NOW })
    .where(
      and(
        eq(intakeMessages.id, claim.id),
        eq(intakeMessages.status, "claimed"),
        eq(intakeMessages.claimedAt, claim.claimedAt),
      ),
    )
    .returning({ claimedAt: intakeMessages.claimedAt });
  return row ? { ...claim, claimedAt: row.claimedAt } : null;
}
