import type { Step } from "@/lib/pipeline/steps";
import { stepClocks, type Calendars } from "./clocks";
import { addBusinessSeconds, businessMilliseconds, businessSeconds } from "./business-time";
import { clockIntervals, type ClockEvent, type ClockInterval } from "./intervals";

/**
 * The queue's "Waiting": how long the current owner has had the current step, in business time on
 * that owner's calendar (agency work while it is Actenzo's move, merchant wait while it is the
 * merchant's), summed over every stretch of the step, so a hold pauses it and a resume never resets
 * it. Null when no step is open. Pure.
 */
export type WaitingClock = { owner: "agency" | "merchant"; businessSeconds: number };

export function waitingClock(
  events: readonly ClockEvent[],
  stage: Step | null,
  owner: "agency" | "merchant" | null,
  calendars: Calendars,
  now: Date,
): WaitingClock | null {
  if (!stage || !owner) return null;
  const clock = stepClocks(clockIntervals(events, now), calendars).find((c) => c.stage === stage);
  const seconds = clock ? (owner === "agency" ? clock.agencyWorkSeconds : clock.merchantWaitSeconds) : 0;
  return { owner, businessSeconds: seconds };
}

/**
 * The queue's Waiting from the stored anchor (waitingAnchor, below) while the owner's clock runs:
 * the same figure as waitingClock over the events, without loading them (decision 0035). Pure.
 */
export function waitingFromAnchor(
  anchor: Date,
  owner: "agency" | "merchant",
  calendars: Calendars,
  now: Date,
): WaitingClock {
  return { owner, businessSeconds: businessSeconds(anchor, now, calendars[owner]) };
}

/**
 * The instant from which the open owner clock's business time, on that owner's calendar, equals
 * the current step's Waiting: while the clock keeps running, Waiting(now) = businessSeconds(anchor,
 * now). Stored on the merchant at every clock refresh, so /queue sorts by Waiting in SQL: exact
 * between merchants whose owner runs on the same calendar (all of Actenzo's moves share the agency
 * calendar), an approximation across merchant calendars (decision 0031). Null when no clock runs
 * (no open step, on hold, cancelled). Pure.
 */
export function waitingAnchor(intervals: readonly ClockInterval[], calendars: Calendars): Date | null {
  const open = intervals.at(-1);
  if (!open?.open || open.kind === "hold") return null;
  const calendar = calendars[open.kind];
  const stepStart = intervals.find((i) => i.stage === open.stage)!.start;
  // The owner's business time on this step before the open stretch (earlier stretches, e.g. before a hold).
  let earlier = 0;
  for (const i of intervals)
    if (i !== open && i.stage === open.stage && i.kind === open.kind)
      earlier += businessMilliseconds(i.start, i.end, calendar);
  const sinceStepStart = businessMilliseconds(stepStart, open.start, calendar);
  return addBusinessSeconds(stepStart, Math.max(0, sinceStepStart - earlier) / 1000, calendar);
}
