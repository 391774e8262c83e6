import { sql } from "@/db/client";
import type { BusinessCalendar } from "@/lib/sla/calendar";
import { calendarInput, merchantCalendar } from "@/lib/sla/sla-context";
import { isHoldActive } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";
import { loadReminderRules } from "./load-rules";
import { tabulatedClock, type BusinessClock } from "./business-clock";
import { decideReminder } from "./policy";
import { recordReminderStops } from "./record-stops";
import { recordEscalations, type Escalation } from "./record-escalations";

type Candidate = {
  id: string;
  country: string;
  time_zone: string;
  working_hours_start: number | null;
  working_hours_end: number | null;
  working_days: string[] | null;
  stage: Step;
  stage_entered_at: Date;
  on_hold: boolean;
  hold_until: Date | null;
  snoozed_until: Date | null;
  unsubscribed: boolean;
  replied: boolean;
  sent: number;
  last_action_at: Date | null;
  escalation_level: number;
};

const PLAN_CHUNK = 5000;

export type PlanResult = { candidates: number; planned: number; escalated: number; stopped: number; muted: number };

/** The outbox key of reminder `n` for one step occurrence: the database refuses a second one. */
export function reminderKey(merchantId: string, stage: Step, stepEnteredAt: Date, n: number): string {
  return `reminder:${merchantId}:${stage}:${stepEnteredAt.getTime()}:${n}`;
}

/**
 * The reminder tick for every merchant at once: stops first, then one bulk read of the merchants
 * whose merchant step may be due (cancelled ones, finished or stopped sequences and merchants
 * whose step is younger than the shortest gap are left out by SQL), the pure policy per merchant in
 * its own calendar, and bulk writes: the sequences and the outbox rows (unique key per merchant,
 * step occurrence and number, so two planners cannot plan one reminder twice).
 */
export async function planDueReminders(now = new Date()): Promise<PlanResult> {
  const stopped = await recordReminderStops(now);
  const rules = await loadReminderRules();
  if (!rules.size) return { candidates: 0, planned: 0, escalated: 0, stopped, muted: 0 };
  const [incident] = await sql`select 1 from platform_incidents where closed_at is null limit 1`;
  // A business day is at least (days − 1) calendar days plus some hours: a safe SQL prefilter.
  const minGap = Math.min(...[...rules.values()].flatMap((r) => [r.firstAfterDays, ...r.cadenceDays]));
  // A batch job, not a request: its statements may run longer than the app role's 5 s default.
  const rows = await sql.begin(async (tx) => {
    await tx`set local statement_timeout = '120s'`;
    return tx<Candidate[]>`
    select m.id, m.country, m.time_zone, m.working_hours_start, m.working_hours_end, m.working_days,
      m.current_stage as stage, m.stage_entered_at, m.on_hold, m.hold_until,
      s.snoozed_until, s.unsubscribed_at is not null as unsubscribed,
      coalesce(s.merchant_replied_at > m.stage_entered_at, false) as replied,
      coalesce(q.sent, 0)::int as sent, q.last_action_at, coalesce(q.escalation_level, 0)::int as escalation_level
    from merchants m
    left join merchant_reminder_settings s on s.merchant_id = m.id
    left join reminder_sequences q
      on q.merchant_id = m.id and q.stage = m.current_stage and q.step_entered_at = m.stage_entered_at
    where m.cancelled_at is null and m.ball_in_court = 'merchant'
      and m.current_stage = any(${`{${[...rules.keys()].join(",")}}`}::stage[])
      and q.stopped_at is null and coalesce(q.escalation_level, 0) < 2
      and coalesce(q.last_action_at, m.stage_entered_at) <= ${now.toISOString()}::timestamptz - make_interval(days => ${Math.max(0, minGap - 1)})`;
  });

  // One calendar and one precomputed clock per distinct merchant calendar (country, zone, stored
  // hours and days), from the oldest anchor to a year ahead.
  const oldest = rows.reduce(
    (min, r) => Math.min(min, new Date(r.last_action_at ?? r.stage_entered_at).getTime()),
    now.getTime(),
  );
  const calendars = new Map<string, { calendar: BusinessCalendar; clock: BusinessClock }>();
  const calendarOf = (row: Candidate) => {
    const calendar = merchantCalendar(
      calendarInput({
        country: row.country,
        timeZone: row.time_zone,
        workingHoursStart: row.working_hours_start,
        workingHoursEnd: row.working_hours_end,
        workingDays: row.working_days,
      }),
    );
    const key = `${calendar.country}|${calendar.timeZone}|${calendar.hours.start}-${calendar.hours.end}|${calendar.days.join(",")}`;
    let entry = calendars.get(key);
    if (!entry) {
      const clock = tabulatedClock(calendar, new Date(oldest), new Date(now.getTime() + 400 * 86_400_000));
      calendars.set(key, (entry = { calendar, clock }));
    }
    return entry;
  };
  const plans: { row: Candidate; n: number }[] = [];
  const escalations: Escalation[] = [];
  let muted = 0;
  // The drizzle-wrapped client leaves timestamps as strings.
  const at = (v: Date | string | null) => (v === null ? null : new Date(v));
  for (const row of rows) {
    row.stage_entered_at = at(row.stage_entered_at)!;
    row.hold_until = at(row.hold_until);
    row.snoozed_until = at(row.snoozed_until);
    row.last_action_at = at(row.last_action_at);
    const decision = decideReminder({
      rule: rules.get(row.stage)!,
      history: {
        stepEnteredAt: row.stage_entered_at,
        sent: row.sent,
        lastActionAt: row.last_action_at,
        escalationLevel: row.escalation_level,
      },
      facts: {
        stepDone: false,
        cancelled: false,
        onHold: isHoldActive({ onHold: row.on_hold, holdUntil: row.hold_until }, now),
        unsubscribed: row.unsubscribed,
        merchantReplied: row.replied,
        platformIncidentOpen: !!incident,
        snoozedUntil: row.snoozed_until,
      },
      ...calendarOf(row),
      now,
    });
    if (decision.kind === "send") plans.push({ row, n: decision.number });
    else if (decision.kind === "escalate") {
      escalations.push({
        merchantId: row.id,
        stage: row.stage,
        stepEnteredAt: row.stage_entered_at,
        sent: row.sent,
        ...decision,
      });
    } else if (decision.kind === "muted") muted++;
  }

  if (plans.length) {
    // One jsonb parameter per statement (the drizzle-wrapped client does not bind arrays), in
    // chunks: each statement stays far below the app role's statement_timeout.
    await sql.begin(async (tx) => {
      await tx`set local statement_timeout = '120s'`;
      for (let i = 0; i < plans.length; i += PLAN_CHUNK) {
        const rowsJson = JSON.stringify(
          plans.slice(i, i + PLAN_CHUNK).map((p) => ({
            merchant_id: p.row.id,
            stage: p.row.stage,
            step_entered_at: p.row.stage_entered_at.toISOString(),
            n: p.n,
            dedupe_key: reminderKey(p.row.id, p.row.stage, p.row.stage_entered_at, p.n),
          })),
        );
        await tx`
          insert into reminder_sequences (merchant_id, stage, step_entered_at, sent, last_action_at)
          select merchant_id, stage, step_entered_at, n, ${now.toISOString()}::timestamptz
          from jsonb_to_recordset(${rowsJson}::jsonb) as t(merchant_id uuid, stage stage, step_entered_at timestamptz, n int)
          on conflict (merchant_id, stage, step_entered_at) do update
            set sent = greatest(reminder_sequences.sent, excluded.sent), last_action_at = excluded.last_action_at`;
        await tx`
          insert into outbox_emails (dedupe_key, kind, merchant_id, stage, reminder_number, due_at)
          select dedupe_key, 'reminder', merchant_id, stage, n, ${now.toISOString()}::timestamptz
          from jsonb_to_recordset(${rowsJson}::jsonb) as t(merchant_id uuid, stage stage, n int, dedupe_key text)
          on conflict (dedupe_key) do nothing`;
      }
    });
  }
  if (escalations.length) await recordEscalations(escalations, now);
  return { candidates: rows.length, planned: plans.length, escalated: escalations.length, stopped, muted };
}
