import { sql } from "@/db/client";
import { batchTransaction, planWritesWithCachedPlans } from "@/db/batch-transaction";
import { calendarInput, merchantCalendar } from "@/lib/sla/sla-context";
import { isHoldActive } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";
import { loadReminderRules } from "./load-rules";
import { tabulatedClock, type BusinessClock } from "./business-clock";
import { decideReminder, type ReminderRule } from "./policy";
import { recordReminderStops } from "./record-stops";
import { recordEscalations, type Escalation } from "./record-escalations";
import type { BusinessCalendar } from "@/lib/sla/calendar";

/** As the drizzle-wrapped client returns them: timestamps stay strings (exact, microseconds too). */
type Candidate = {
  id: string;
  country: string;
  time_zone: string | null;
  working_hours_start: number | null;
  working_hours_end: number | null;
  working_days: string[] | null;
  stage: Step;
  stage_entered_at: string;
  on_hold: boolean;
  hold_until: string | null;
  snoozed_until: string | null;
  unsubscribed: boolean;
  replied: boolean;
  sent: number;
  last_action_at: string | null;
  escalation_level: number;
};

export type PlanResult = { candidates: number; planned: number; escalated: number; stopped: number; muted: number };

/**
 * Merchants are planned in slices of the id space (the first hex digit of their uuid: 16 slices,
 * a few thousand merchants each at 100,000), a few slices at once on their own connections, so
 * PostgreSQL's writes for one slice overlap the reads and the policy of the next.
 */
const SLICES = [..."0123456789abcdef"];
const PARALLEL_SLICES = 2;
const DAY = 86_400_000;

/** The outbox key of reminder `n` for one step occurrence: the database refuses a second one. */
export function reminderKey(merchantId: string, stage: Step, stepEnteredAt: Date, n: number): string {
  return `reminder:${merchantId}:${stage}:${stepEnteredAt.getTime()}:${n}`;
}

type Run = {
  now: Date;
  rules: Map<Step, ReminderRule>;
  incidentOpen: boolean;
  minGapDays: number;
  calendarOf: (row: Candidate) => { calendar: BusinessCalendar; clock: BusinessClock };
};

/**
 * The reminder tick for every merchant at once: stops first, then per slice of merchants one read
 * of those whose merchant step may be due (cancelled ones, finished or stopped sequences and
 * merchants whose step is younger than the shortest gap are left out by SQL), the pure policy per
 * merchant in its own calendar, and one write: the outbox rows (unique key per merchant, step
 * occurrence and number, so two planners cannot plan one reminder twice) and the sequences.
 */
export async function planDueReminders(now = new Date()): Promise<PlanResult> {
  const stopped = await recordReminderStops(now);
  const rules = await loadReminderRules();
  if (!rules.size) return { candidates: 0, planned: 0, escalated: 0, stopped, muted: 0 };
  const [incident] = await sql`select 1 from platform_incidents where closed_at is null limit 1`;
  // One calendar and one precomputed clock per distinct merchant calendar (country, zone, stored
  // hours and days) for this run, from 400 days back to 400 ahead (older anchors fall back to the
  // calendar itself): built once, asked 100,000 times.
  const calendars = new Map<string, { calendar: BusinessCalendar; clock: BusinessClock }>();
  const run: Run = {
    now,
    rules,
    incidentOpen: !!incident,
    minGapDays: Math.min(...[...rules.values()].flatMap((r) => [r.firstAfterDays, ...r.cadenceDays])),
    calendarOf(row) {
      const key = [row.country, row.time_zone, row.working_hours_start, row.working_hours_end, row.working_days].join(
        "|",
      );
      let entry = calendars.get(key);
      if (!entry) {
        const calendar = merchantCalendar(
          calendarInput({
            country: row.country,
            timeZone: row.time_zone,
            workingHoursStart: row.working_hours_start,
            workingHoursEnd: row.working_hours_end,
            workingDays: row.working_days,
          }),
        );
        const clock = tabulatedClock(
          calendar,
          new Date(now.getTime() - 400 * DAY),
          new Date(now.getTime() + 400 * DAY),
        );
        calendars.set(key, (entry = { calendar, clock }));
      }
      return entry;
    },
  };
  const total: PlanResult = { candidates: 0, planned: 0, escalated: 0, stopped, muted: 0 };
  const escalations: Escalation[] = [];
  const planned = async (i: number) => {
    const slice = await planSlice(run, SLICES[i]!, SLICES[i + 1]);
    total.candidates += slice.candidates;
    total.planned += slice.planned;
    total.muted += slice.muted;
    escalations.push(...slice.escalations);
  };
  // The first slice alone, then the rest in parallel: the pool then opens one new connection at a
  // time (opening several at once timed out on a loaded machine).
  await planned(0);
  const queue = [...SLICES.keys()].slice(1);
  await Promise.all(
    Array.from({ length: PARALLEL_SLICES }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) await planned(i);
    }),
  );
  if (escalations.length) await recordEscalations(escalations, now);
  total.escalated = escalations.length;
  return total;
}

async function planSlice(run: Run, from: string, to: string | undefined) {
  const { now, rules } = run;
  const lo = `${from}0000000-0000-0000-0000-000000000000`;
  const hi = to && `${to}0000000-0000-0000-0000-000000000000`;
  const plans: { merchant_id: string; stage: Step; step_entered_at: string; n: number; dedupe_key: string }[] = [];
  const escalations: Escalation[] = [];
  let muted = 0;
  const candidates = await batchTransaction(async (tx) => {
    const rows = await tx<Candidate[]>`
      select m.id, m.country, m.time_zone, m.working_hours_start, m.working_hours_end, m.working_days,
         m.current_stage as stage, m.stage_entered_at, m.on_hold, m.hold_until,
        s.snoozed_until, s.unsubscribed_at is not null as unsubscribed,
        coalesce(s.merchant_replied_at > m.stage_entered_at, false) as replied,
        coalesce(q.sent, 0)::int as sent, q.last_action_at, coalesce(q.escalation_level, 0)::int as escalation_level
      from merchants m
      left join merchant_reminder_settings s on s.merchant_id = m.id
      left join reminder_sequences q
        on q.merchant_id = m.id and q.stage = m.current_stage and q.step_entered_at = m.stage_entered_at
      where m.id >= ${lo}::uuid ${hi ? tx`and m.id < ${hi}::uuid` : tx``}
        and m.cancelled_at is null and m.ball_in_court = 'merchant'
        and m.current_stage = any(${`{${[...rules.keys()].join(",")}}`}::stage[])
        and q.stopped_at is null and coalesce(q.escalation_level, 0) < 2
        -- A business day is at least (days − 1) calendar days plus some hours: a safe prefilter.
        and coalesce(q.last_action_at, m.stage_entered_at)
          <= ${now.toISOString()}::timestamptz - make_interval(days => ${Math.max(0, run.minGapDays - 1)})`;

    const at = (v: string | null) => (v === null ? null : new Date(v));
    for (const row of rows) {
      const stepEnteredAt = new Date(row.stage_entered_at);
      const decision = decideReminder({
        rule: rules.get(row.stage)!,
        history: {
          stepEnteredAt,
          sent: row.sent,
          lastActionAt: at(row.last_action_at),
          escalationLevel: row.escalation_level,
        },
        facts: {
          stepDone: false,
          cancelled: false,
          onHold: isHoldActive({ onHold: row.on_hold, holdUntil: at(row.hold_until) }, now),
          unsubscribed: row.unsubscribed,
          merchantReplied: row.replied,
          platformIncidentOpen: run.incidentOpen,
          snoozedUntil: at(row.snoozed_until),
        },
        ...run.calendarOf(row),
        now,
      });
      if (decision.kind === "send") {
        plans.push({
          merchant_id: row.id,
          stage: row.stage,
          step_entered_at: row.stage_entered_at,
          n: decision.number,
          dedupe_key: reminderKey(row.id, row.stage, stepEnteredAt, decision.number),
        });
      } else if (decision.kind === "escalate") {
        escalations.push({ merchantId: row.id, stage: row.stage, stepEnteredAt, sent: row.sent, ...decision });
      } else if (decision.kind === "muted") muted++;
    }

    // One statement for the slice: the outbox rows, then the sequences (a data-modifying CTE
    // always runs). The drizzle-wrapped client does not bind arrays, hence one jsonb parameter.
    if (plans.length) {
      // The read above keeps per-run plans (its slice bounds matter); this write's plan does not.
      await planWritesWithCachedPlans(tx);
      await tx`
        with input as (
          select * from jsonb_to_recordset(${JSON.stringify(plans)}::text::jsonb)
            as t(merchant_id uuid, stage stage, step_entered_at timestamptz, n int, dedupe_key text)
        ), planned as (
          insert into outbox_emails (dedupe_key, kind, merchant_id, stage, reminder_number, due_at)
          select dedupe_key, 'reminder', merchant_id, stage, n, ${now.toISOString()}::timestamptz from input
          on conflict (dedupe_key) do nothing
          returning 1
        )
        insert into reminder_sequences as q (merchant_id, stage, step_entered_at, sent, last_action_at)
        select merchant_id, stage, step_entered_at, n, ${now.toISOString()}::timestamptz from input
        on conflict (merchant_id, stage, step_entered_at) do update
          set sent = greatest(q.sent, excluded.sent), last_action_at = excluded.last_action_at`;
    }
    return rows.length;
  });
  return { candidates, planned: plans.length, muted, escalations };
}
