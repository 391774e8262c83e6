import { and, eq, inArray } from "drizzle-orm";
import { db, sql } from "@/db/client";
import { outboxEmails, reminderSequences } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { isHoldActive } from "@/lib/pipeline/rules";
import { recordMerchantEvent } from "@/lib/onboarding/record-merchant-event";
import type { Step } from "@/lib/pipeline/steps";
import { stopReason } from "./policy";

const planner = systemActor("reminders");

type OpenSequence = {
  merchant_id: string;
  stage: Step;
  step_entered_at: Date;
  still_current: boolean;
  cancelled: boolean;
  on_hold: boolean;
  hold_until: Date | null;
  unsubscribed: boolean;
  replied: boolean;
};

/**
 * Ends the open reminder sequences whose facts now say stop (step done or moved on, including a
 * permission gap fixed and noticed by a re-check; on hold; cancelled; unsubscribed; the merchant
 * replied): the sequence keeps the reason, planned emails are cancelled, the timeline says why.
 */
export async function recordReminderStops(now: Date): Promise<number> {
  const rows = await sql<OpenSequence[]>`
    select q.merchant_id, q.stage, q.step_entered_at,
      (m.current_stage = q.stage and m.stage_entered_at = q.step_entered_at and m.ball_in_court = 'merchant') as still_current,
      m.cancelled_at is not null as cancelled, m.on_hold, m.hold_until,
      s.unsubscribed_at is not null as unsubscribed,
      coalesce(s.merchant_replied_at > q.step_entered_at, false) as replied
    from reminder_sequences q
    join merchants m on m.id = q.merchant_id
    left join merchant_reminder_settings s on s.merchant_id = q.merchant_id
    where q.stopped_at is null and (
      m.current_stage is distinct from q.stage or m.stage_entered_at <> q.step_entered_at
      or m.ball_in_court is distinct from 'merchant' or m.cancelled_at is not null or m.on_hold
      or s.unsubscribed_at is not null or s.merchant_replied_at > q.step_entered_at)`;
  let stopped = 0;
  for (const row of rows) {
    // The drizzle-wrapped client leaves timestamps as strings.
    row.step_entered_at = new Date(row.step_entered_at);
    row.hold_until = row.hold_until === null ? null : new Date(row.hold_until);
    const reason = stopReason({
      stepDone: !row.still_current,
      cancelled: row.cancelled,
      onHold: isHoldActive({ onHold: row.on_hold, holdUntil: row.hold_until }, now),
      unsubscribed: row.unsubscribed,
      merchantReplied: row.replied,
      platformIncidentOpen: false,
      snoozedUntil: null,
    });
    if (!reason) continue;
    await db.transaction(async (tx) => {
      const ended = await tx
        .update(reminderSequences)
        .set({ stoppedAt: now, stopReason: reason })
        .where(
          and(
            eq(reminderSequences.merchantId, row.merchant_id),
            eq(reminderSequences.stage, row.stage),
            eq(reminderSequences.stepEnteredAt, row.step_entered_at),
          ),
        )
        .returning({ sent: reminderSequences.sent });
      if (!ended.length) return;
      await tx
        .update(outboxEmails)
        .set({ status: "cancelled", lastError: reason })
        .where(
          and(
            eq(outboxEmails.merchantId, row.merchant_id),
            eq(outboxEmails.stage, row.stage),
            eq(outboxEmails.kind, "reminder"),
            inArray(outboxEmails.status, ["planned"]),
          ),
        );
      await recordMerchantEvent(tx, {
        merchantId: row.merchant_id,
        actor: planner,
        type: "reminder",
        stage: row.stage,
        evidence: { action: "stopped", reason, sent: ended[0]!.sent },
      });
      stopped++;
    });
  }
  return stopped;
}
