import { STEP_OWNERS } from "@/lib/pipeline/pipeline";
import type { Step } from "@/lib/pipeline/steps";
import { breachCause, type BreachCause } from "./breach-cause";
import { addBusinessSeconds, businessMilliseconds } from "./business-time";
import { stepClocks, targetInstants, type Calendars } from "./clocks";
import { clockIntervals, type ClockEvent, type ClockInterval } from "./intervals";
import type { SlaPolicy } from "./policy";
import { policyInForce } from "./sla-context";

/**
 * One merchant's events → the rows of `sla_step_clocks`: per step it reached, its clocks, the policy
 * version it is judged by (the one in force when the step started), its due time and the cause a
 * breach would have; plus an `end_to_end` row from sign-up to live. Pure: refreshMerchantClocks and
 * the full recompute both call it, so the two can never disagree.
 */
export const END_TO_END = "end_to_end";
export type ReportStep = Step | typeof END_TO_END;

export type StepClockRow = {
  step: ReportStep;
  owner: "agency" | "merchant" | typeof END_TO_END;
  policyVersion: number;
  startedAt: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
  agencyWorkSeconds: number;
  merchantWaitSeconds: number;
  holdSeconds: number;
  holds: { reason: string; seconds: number }[];
  targetSeconds: number | null;
  warnAt: Date | null;
  dueAt: Date | null;
  cause: BreachCause | null;
  incidentSeconds: number;
};

export type IncidentSpan = { start: Date; end: Date | null };

export type ClockInputs = {
  events: readonly ClockEvent[];
  calendars: Calendars;
  policies: readonly SlaPolicy[];
  incidents: readonly IncidentSpan[];
  now: Date;
  /** clockIntervals(events, now), when the caller has them already. */
  intervals?: readonly ClockInterval[];
};

/** Business seconds (agency calendar) of `intervals` that fall inside an incident. */
function incidentOverlap(intervals: readonly ClockInterval[], inputs: ClockInputs): number {
  let ms = 0;
  for (const interval of intervals) {
    for (const incident of inputs.incidents) {
      const start = Math.max(interval.start.getTime(), incident.start.getTime());
      const end = Math.min(interval.end.getTime(), (incident.end ?? inputs.now).getTime());
      if (start < end) ms += businessMilliseconds(new Date(start), new Date(end), inputs.calendars.agency);
    }
  }
  return Math.floor(ms / 1000);
}

/** Step completions and the cancellation as they stand after every event (an undo removes one). */
function outcomes(events: readonly ClockEvent[]) {
  const completed = new Map<Step, Date>();
  let signedUpAt: Date | null = null;
  let cancelledAt: Date | null = null;
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of ordered) {
    if (event.type === "signed_up") signedUpAt ??= event.at;
    else if (event.type === "stage_completed" && event.stage) completed.set(event.stage, event.at);
    else if (event.type === "stage_undone" && event.stage) completed.delete(event.stage);
    else if (event.type === "cancelled") cancelledAt ??= event.at;
  }
  return { completed, signedUpAt, cancelledAt };
}

/** When the agency work plus merchant wait (each on its own calendar) reaches `targetSeconds`. */
function endToEndReachedAt(intervals: readonly ClockInterval[], targetSeconds: number, calendars: Calendars) {
  let remaining = targetSeconds * 1000;
  for (const interval of intervals) {
    if (interval.kind === "hold") continue;
    const calendar = calendars[interval.kind];
    const used = businessMilliseconds(interval.start, interval.end, calendar);
    if (remaining <= used || interval.open) return addBusinessSeconds(interval.start, remaining / 1000, calendar);
    remaining -= used;
  }
  return null;
}

export function stepClockRows(inputs: ClockInputs): StepClockRow[] {
  const { calendars, policies, now } = inputs;
  const intervals = inputs.intervals ?? clockIntervals(inputs.events, now);
  const { completed, signedUpAt, cancelledAt } = outcomes(inputs.events);
  const rows: StepClockRow[] = [];
  for (const { stage, ...clock } of stepClocks(intervals, calendars)) {
    const own = intervals.filter((i) => i.stage === stage);
    const startedAt = own[0]!.start;
    const policy = policyInForce(policies, startedAt);
    const owner = STEP_OWNERS[stage];
    const completedAt = completed.get(stage) ?? null;
    const agencyTarget = owner === "agency" ? (policy.agencyTargets[stage] ?? null) : null;
    const targetSeconds = agencyTarget ?? policy.merchantExpected[stage] ?? null;
    const due = agencyTarget
      ? targetInstants(intervals, stage, agencyTarget, calendars.agency)
      : { warnAt: null, dueAt: null };
    const incidentSeconds = incidentOverlap(
      own.filter((i) => i.kind === "agency"),
      inputs,
    );
    rows.push({
      step: stage,
      owner,
      policyVersion: policy.version,
      startedAt,
      completedAt,
      cancelledAt: completedAt ? null : cancelledAt,
      ...clock,
      targetSeconds,
      ...due,
      cause: agencyTarget
        ? breachCause({ scope: "step", ...clock, incidentSeconds, targetSeconds: agencyTarget })
        : null,
      incidentSeconds,
    });
  }
  if (signedUpAt)
    rows.push(endToEndRow(rows, intervals, { signedUpAt, cancelledAt, live: completed.get("live") }, inputs));
  return rows;
}

function endToEndRow(
  steps: readonly StepClockRow[],
  intervals: readonly ClockInterval[],
  facts: { signedUpAt: Date; cancelledAt: Date | null; live: Date | undefined },
  inputs: ClockInputs,
): StepClockRow {
  const policy = policyInForce(inputs.policies, facts.signedUpAt);
  const sum = (key: "agencyWorkSeconds" | "merchantWaitSeconds" | "holdSeconds" | "incidentSeconds") =>
    steps.reduce((total, row) => total + row[key], 0);
  const totals = {
    agencyWorkSeconds: sum("agencyWorkSeconds"),
    merchantWaitSeconds: sum("merchantWaitSeconds"),
    holdSeconds: sum("holdSeconds"),
    incidentSeconds: sum("incidentSeconds"),
  };
  const holds = new Map<string, number>();
  for (const row of steps) for (const h of row.holds) holds.set(h.reason, (holds.get(h.reason) ?? 0) + h.seconds);
  const target = policy.endToEndSeconds;
  const completedAt = facts.live ?? null;
  return {
    step: END_TO_END,
    owner: END_TO_END,
    policyVersion: policy.version,
    startedAt: facts.signedUpAt,
    completedAt,
    cancelledAt: completedAt ? null : facts.cancelledAt,
    ...totals,
    holds: [...holds].map(([reason, seconds]) => ({ reason, seconds })),
    targetSeconds: target,
    warnAt: endToEndReachedAt(intervals, target * 0.75, inputs.calendars),
    dueAt: endToEndReachedAt(intervals, target, inputs.calendars),
    cause: breachCause({ scope: "end_to_end", ...totals, targetSeconds: target }),
  };
}
