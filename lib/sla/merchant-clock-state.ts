import type { Step } from "@/lib/pipeline/steps";
import type { Calendars } from "./clocks";
import { clockIntervals, type ClockEvent } from "./intervals";
import { openStepSla, type OpenStepSla } from "./open-step-sla";
import type { SlaPolicy } from "./policy";
import { waitingAnchor } from "./waiting-clock";
import { stepClockRows, type IncidentSpan, type StepClockRow } from "./step-clock-rows";

/**
 * Everything stored about one merchant's clocks, from one set of facts: the open step's due and
 * warning instants (`merchants.sla_due_at` / `sla_warn_at`, which /queue sorts and filters by) and
 * the report rows (`sla_step_clocks`) and the Waiting anchor the queue sorts by (`merchants.waiting_anchor_at`). Pure; the per-event refresh and the full recompute both call
 * it, so the queue and the reports can never disagree.
 */
export type MerchantClockState = { sla: OpenStepSla | null; rows: StepClockRow[]; waitingAnchor: Date | null };

export function merchantClockState(inputs: {
  stage: Step | null;
  events: readonly ClockEvent[];
  calendars: Calendars;
  policies: readonly SlaPolicy[];
  incidents: readonly IncidentSpan[];
  now: Date;
}): MerchantClockState {
  // An event written at `now` must open its interval, so the clocks are read a moment after the last one.
  const lastAt = inputs.events.reduce((last, e) => Math.max(last, e.at.getTime()), 0);
  const now = new Date(Math.max(inputs.now.getTime(), lastAt + 1));
  const intervals = clockIntervals(inputs.events, now);
  return {
    sla: openStepSla(intervals, inputs.stage, inputs.policies, inputs.calendars.agency),
    rows: stepClockRows({ ...inputs, now, intervals }),
    waitingAnchor: waitingAnchor(intervals, inputs.calendars),
  };
}
