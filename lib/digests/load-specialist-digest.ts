import { sql } from "@/db/client";
import { isHoldActive } from "@/lib/pipeline/rules";
import type { Owner, Step } from "@/lib/pipeline/steps";
import { listOpenTasks } from "@/lib/tasks/list-tasks";
import type { DigestMerchant, SentReminder } from "./specialist-digest";
import type { DigestTask } from "./task-lines";

const DAY = 86_400_000;
// The drizzle-wrapped client leaves timestamps as strings.
const at = (v: Date | string | null) => (v === null ? null : new Date(v));

type MerchantRow = {
  id: string;
  shop_name: string;
  stage: Step;
  ball_in_court: Owner | null;
  on_hold: boolean;
  hold_until: string | null;
  sla_due_at: string | null;
  sla_warn_at: string | null;
  expected_at: string | null;
  stage_entered_at: string;
};

/**
 * What a specialist's morning digest lists, read at `now`: their open merchants (not cancelled, not
 * finished) with the stored SLA instants and, for a merchant's move, its step's expected time from
 * the SLA clock rows; the reminders and "ask" emails sent to those merchants since the previous
 * digest (its snapshot time; a day back for the first one); their open escalation tasks (lib/tasks).
 */
export async function loadSpecialistDigest(
  staffId: string,
  now: Date,
): Promise<{ merchants: DigestMerchant[]; reminders: SentReminder[]; tasks: DigestTask[]; since: Date }> {
  const merchantRows = await sql<MerchantRow[]>`
    select m.id, m.shop_name, m.current_stage as stage, m.ball_in_court, m.on_hold, m.hold_until,
      m.sla_due_at, m.sla_warn_at, m.stage_entered_at, c.due_at as expected_at
    from merchants m
    left join sla_step_clocks c on c.merchant_id = m.id and c.step = m.current_stage::text
      and c.owner = 'merchant' and c.completed_at is null
    where m.specialist_id = ${staffId} and m.cancelled_at is null and m.current_stage is not null`;
  const merchants = merchantRows.map((r) => ({
    merchantId: r.id,
    shopName: r.shop_name,
    step: r.stage,
    owner: r.ball_in_court,
    onHold: isHoldActive({ onHold: r.on_hold, holdUntil: at(r.hold_until) }, now),
    slaDueAt: at(r.sla_due_at),
    slaWarnAt: at(r.sla_warn_at),
    expectedAt: at(r.expected_at),
    stepSince: at(r.stage_entered_at)!,
  }));

  // A failed or cancelled digest was never read: its reminders belong in the next one.
  const [previous] = await sql<{ created_at: string }[]>`
    select created_at from outbox_emails
    where staff_id = ${staffId} and kind = 'daily_digest' and status in ('planned', 'claimed', 'sent')
      and created_at < ${now.toISOString()}::timestamptz
    order by created_at desc limit 1`;
  const since = previous ? new Date(previous.created_at) : new Date(now.getTime() - DAY);
  const reminderRows = await sql<
    {
      merchant_id: string;
      shop_name: string;
      stage: Step | null;
      kind: "reminder" | "ask";
      n: number | null;
      sent_at: string;
    }[]
  >`
    select o.merchant_id, m.shop_name, o.stage, o.kind, o.reminder_number as n, o.sent_at
    from merchants m join outbox_emails o on o.merchant_id = m.id
    where m.specialist_id = ${staffId} and o.status = 'sent' and o.kind in ('reminder', 'ask')
      and o.sent_at > ${since.toISOString()}::timestamptz and o.sent_at <= ${now.toISOString()}::timestamptz`;
  const reminders = reminderRows.map((r) => ({
    merchantId: r.merchant_id,
    shopName: r.shop_name,
    step: r.stage,
    kind: r.kind,
    number: r.n,
    sentAt: new Date(r.sent_at),
  }));
  const tasks = await listOpenTasks({ assigneeId: staffId });
  return { merchants, reminders, tasks, since };
}
