import type { Step } from "@/lib/pipeline/steps";
import { addBusinessSeconds, businessMilliseconds } from "./business-time";
import type { BusinessCalendar } from "./calendar";
import type { ClockInterval } from "./intervals";

/**
 * Intervals (who held the ball, when) + calendars → each step's clocks: Actenzo's work time on the
 * agency calendar, the merchant's wait on the merchant's calendar, hold time in calendar time with
 * its reasons. Pure; the queue, the workspace and the reports all read these.
 */
export type Calendars = { agency: BusinessCalendar; merchant: BusinessCalendar };

export type StepClock = {
  stage: Step;
  agencyWorkSeconds: number;
  merchantWaitSeconds: number;
  holdSeconds: number;
  /** Calendar seconds on hold per reason, in the order the reasons first appeared. */
  holds: { reason: string; seconds: number }[];
};

const seconds = (ms: number) => Math.floor(ms / 1000);

/** Per step, in the order the steps were first worked on. */
export function stepClocks(intervals: readonly ClockInterval[], calendars: Calendars): StepClock[] {
  const ms = new Map<Step, { agency: number; merchant: number; hold: number; holds: Map<string, number> }>();
  for (const interval of intervals) {
    let step = ms.get(interval.stage);
    if (!step) ms.set(interval.stage, (step = { agency: 0, merchant: 0, hold: 0, holds: new Map() }));
    if (interval.kind === "hold") {
      const span = interval.end.getTime() - interval.start.getTime();
      step.hold += span;
      const reason = interval.holdReason ?? "";
      step.holds.set(reason, (step.holds.get(reason) ?? 0) + span);
    } else step[interval.kind] += businessMilliseconds(interval.start, interval.end, calendars[interval.kind]);
  }
  return [...ms].map(([stage, step]) => ({
    stage,
    agencyWorkSeconds: seconds(step.agency),
    merchantWaitSeconds: seconds(step.merchant),
    holdSeconds: seconds(step.hold),
    holds: [...step.holds].map(([reason, span]) => ({ reason, seconds: seconds(span) })),
  }));
}

/**
 * When `stage`'s agency work time reaches `targetSeconds`: in the past if it already did, projected
 * from the running interval if the ball is with Actenzo now, null while it is paused (with the
 * merchant, on hold, cancelled) short of the target. A hold moves the instant later; it never
 * restarts the count.
 */
export function agencyTimeReachedAt(
  intervals: readonly ClockInterval[],
  stage: Step,
  targetSeconds: number,
  agency: BusinessCalendar,
): Date | null {
  let remaining = Math.round(targetSeconds * 1000);
  for (const interval of intervals) {
    if (interval.stage !== stage || interval.kind !== "agency") continue;
    const used = businessMilliseconds(interval.start, interval.end, agency);
    if (remaining <= used || interval.open) return addBusinessSeconds(interval.start, remaining / 1000, agency);
    remaining -= used;
  }
  return null;
}

/** The due time and the 75 % warning instant of an Actenzo step's target. */
export function targetInstants(
  intervals: readonly ClockInterval[],
  stage: Step,
  targetSeconds: number,
  agency: BusinessCalendar,
): { warnAt: Date | null; dueAt: Date | null } {
  return {
    warnAt: agencyTimeReachedAt(intervals, stage, targetSeconds * 0.75, agency),
    dueAt: agencyTimeReachedAt(intervals, stage, targetSeconds, agency),
  };
}
