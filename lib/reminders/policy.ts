import type { BusinessCalendar } from "@/lib/sla/calendar";
import type { Step } from "@/lib/pipeline/steps";
import { calendarClock, type BusinessClock } from "./business-clock";

/**
 * The reminder policy as pure functions: given one merchant step's reminder history and the
 * facts about the merchant, what happens next (send reminder n, escalate, wait until, stop).
 * Days are the merchant's business days (its calendar: zone, weekdays, hours, public holidays);
 * nothing is sent outside its business hours. The verbs around it load the facts and write.
 */
export type ReminderRule = {
  stage: Step;
  /** Business days in the step before the first reminder. */
  firstAfterDays: number;
  /** Business days between reminders after the first; the last gap repeats. */
  cadenceDays: readonly number[];
  /** Reminders in all; after the last one and one more gap, the specialist is asked, then the lead. */
  maxCount: number;
};

/** The facts that stop or mute reminders, read from the database by the planner. */
export type ReminderFacts = {
  stepDone: boolean;
  cancelled: boolean;
  onHold: boolean;
  unsubscribed: boolean;
  /** A specialist marked that the merchant replied, after this step began. */
  merchantReplied: boolean;
  platformIncidentOpen: boolean;
  snoozedUntil: Date | null;
};

export type ReminderHistory = {
  /** When the step became the merchant's to do. */
  stepEnteredAt: Date;
  /** Reminders already planned or sent for this step (their number is 1-based). */
  sent: number;
  /** The last reminder or escalation; the next gap counts from it. */
  lastActionAt: Date | null;
  /** 0 none, 1 specialist asked, 2 lead asked. */
  escalationLevel: number;
};

export const STOP_REASONS = ["step_done", "cancelled", "on_hold", "unsubscribed", "merchant_replied"] as const;
export type StopReason = (typeof STOP_REASONS)[number];
export const MUTE_REASONS = ["platform_incident", "snoozed"] as const;
export type MuteReason = (typeof MUTE_REASONS)[number];

export type ReminderDecision =
  | { kind: "stop"; reason: StopReason }
  | { kind: "muted"; reason: MuteReason; until: Date | null }
  | { kind: "wait"; until: Date }
  | { kind: "send"; number: number }
  | { kind: "escalate"; to: "specialist" | "lead"; level: 1 | 2 }
  | { kind: "finished" };

/** One business day of this calendar in seconds (its daily hours). */
export function businessDaySeconds(calendar: BusinessCalendar): number {
  return (calendar.hours.end - calendar.hours.start) * 60;
}

/** Business days after the previous reminder (or the step start) that reminder `number` is due. */
export function gapBeforeReminder(rule: ReminderRule, number: number): number {
  if (number <= 1) return rule.firstAfterDays;
  const gaps = rule.cadenceDays.length ? rule.cadenceDays : [rule.firstAfterDays];
  return gaps[Math.min(number - 2, gaps.length - 1)]!;
}

/** When the next thing (reminder or escalation) is due, from the step start or the last reminder. */
export function nextDueAt(
  rule: ReminderRule,
  history: ReminderHistory,
  calendar: BusinessCalendar,
  clock: BusinessClock = calendarClock(calendar),
): Date {
  const anchor = history.lastActionAt ?? history.stepEnteredAt;
  const days = gapBeforeReminder(rule, history.sent + 1 + history.escalationLevel);
  return clock.addBusinessSeconds(anchor, days * businessDaySeconds(calendar));
}

/** The stop conditions, in the order they are reported (the first that holds names the stop). */
export function stopReason(facts: ReminderFacts): StopReason | null {
  if (facts.stepDone) return "step_done";
  if (facts.cancelled) return "cancelled";
  if (facts.onHold) return "on_hold";
  if (facts.unsubscribed) return "unsubscribed";
  if (facts.merchantReplied) return "merchant_replied";
  return null;
}

export function decideReminder(input: {
  rule: ReminderRule;
  history: ReminderHistory;
  facts: ReminderFacts;
  calendar: BusinessCalendar;
  now: Date;
  /** Defaults to the calendar itself; the planner passes a precomputed one (same answers, faster). */
  clock?: BusinessClock;
}): ReminderDecision {
  const { rule, history, facts, calendar, now } = input;
  const clock = input.clock ?? calendarClock(calendar);
  const stop = stopReason(facts);
  if (stop) return { kind: "stop", reason: stop };
  if (history.sent >= rule.maxCount && history.escalationLevel >= 2) return { kind: "finished" };
  if (facts.platformIncidentOpen) return { kind: "muted", reason: "platform_incident", until: null };
  if (facts.snoozedUntil && facts.snoozedUntil > now) {
    return { kind: "muted", reason: "snoozed", until: clock.nextBusinessInstant(facts.snoozedUntil) };
  }
  const due = nextDueAt(rule, history, calendar, clock);
  // Escalations are staff work and go out when due; reminders wait for the merchant's working hours.
  if (history.sent >= rule.maxCount) {
    if (due > now) return { kind: "wait", until: due };
    return history.escalationLevel === 0
      ? { kind: "escalate", to: "specialist", level: 1 }
      : { kind: "escalate", to: "lead", level: 2 };
  }
  if (due > now) return { kind: "wait", until: due };
  if (!clock.isWithinBusinessHours(now)) return { kind: "wait", until: clock.nextBusinessInstant(now) };
  return { kind: "send", number: history.sent + 1 };
}
