import type { Step } from "@/lib/pipeline/steps";
import { stepClocks, type Calendars } from "./clocks";
import { clockIntervals, type ClockEvent } from "./intervals";

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
  const businessSeconds = clock ? (owner === "agency" ? clock.agencyWorkSeconds : clock.merchantWaitSeconds) : 0;
  return { owner, businessSeconds };
}
