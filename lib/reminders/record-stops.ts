import { sql } from "@/db/client";
import { batchTransaction } from "@/db/batch-transaction";
import { isHoldActive } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";
import { stopReason, type StopReason } from "./policy";
import { timelineCtes } from "./timeline-sql";

type OpenSequence = {
  merchant_id: string;
  stage: Step;
  step_entered_at: string;
  still_current: boolean;
  cancelled: boolean;
  on_hold: boolean;
  hold_until: string | null;
  unsubscribed: boolean;
  replied: boolean;
};

const WRITE_CHUNK = 5000;

/**
 * Ends the open reminder sequences whose facts now say stop (step done or moved on, including a
 * permission gap fixed and noticed by a re-check; on hold; cancelled; unsubscribed; the merchant
 * replied): the sequence keeps the reason, planned emails are cancelled, the timeline says why.
 * One read, the pure stop rule per sequence, then one statement per few thousand stops.
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
  const stops: { merchant_id: string; stage: Step; step_entered_at: string; reason: StopReason }[] = [];
  for (const row of rows) {
    const reason = stopReason({
      stepDone: !row.still_current,
      cancelled: row.cancelled,
      // The drizzle-wrapped client leaves timestamps as strings.
      onHold: isHoldActive({ onHold: row.on_hold, holdUntil: row.hold_until ? new Date(row.hold_until) : null }, now),
      unsubscribed: row.unsubscribed,
      merchantReplied: row.replied,
      platformIncidentOpen: false,
      snoozedUntil: null,
    });
    if (reason)
      stops.push({ merchant_id: row.merchant_id, stage: row.stage, step_entered_at: row.step_entered_at, reason });
  }
  let stopped = 0;
  for (let i = 0; i < stops.length; i += WRITE_CHUNK) {
    const [result] = await batchTransaction(
      (tx) => tx<{ ended: number }[]>`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(stops.slice(i, i + WRITE_CHUNK))}::text::jsonb)
          as t(merchant_id uuid, stage stage, step_entered_at timestamptz, reason text)
      ), ended as (
        update reminder_sequences q set stopped_at = ${now.toISOString()}::timestamptz, stop_reason = i.reason
        from input i
        where q.merchant_id = i.merchant_id and q.stage = i.stage and q.step_entered_at = i.step_entered_at
          and q.stopped_at is null
        returning q.merchant_id, q.stage, q.stop_reason,
          jsonb_build_object('action', 'stopped', 'reason', q.stop_reason, 'sent', q.sent) as evidence
      ), cancelled as (
        update outbox_emails o set status = 'cancelled', last_error = e.stop_reason
        from ended e
        where o.merchant_id = e.merchant_id and o.stage = e.stage and o.kind = 'reminder' and o.status = 'planned'
        returning 1
      ), ${timelineCtes(sql, "ended", "reminder")}
      select (select count(*) from ended)::int as ended`,
      { writes: true },
    );
    stopped += result?.ended ?? 0;
  }
  return stopped;
}
