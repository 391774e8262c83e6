import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "@/lib/sla/calendar";
import { calendarClock, tabulatedClock } from "./business-clock";
import { decideReminder, gapBeforeReminder, nextDueAt, type ReminderFacts, type ReminderRule } from "./policy";

const NL: BusinessCalendar = {
  timeZone: "Europe/Amsterdam",
  days: ["mon", "tue", "wed", "thu", "fri"],
  hours: { start: 9 * 60, end: 17 * 60 + 30 },
  country: "NL",
};
const RULE: ReminderRule = { stage: "key_received", firstAfterDays: 2, cadenceDays: [3, 4], maxCount: 3 };
const CLEAR: ReminderFacts = {
  stepDone: false,
  cancelled: false,
  onHold: false,
  unsubscribed: false,
  merchantReplied: false,
  platformIncidentOpen: false,
  snoozedUntil: null,
};
const at = (iso: string) => new Date(iso);
// Tuesday 1 December 2026, 10:00 in Amsterdam (09:00 UTC).
const ENTERED = at("2026-12-01T09:00:00Z");
const fresh = { stepEnteredAt: ENTERED, sent: 0, lastActionAt: null, escalationLevel: 0 };

function decide(now: string, history = {}, facts: Partial<ReminderFacts> = {}, calendar = NL) {
  return decideReminder({
    rule: RULE,
    history: { ...fresh, ...history },
    facts: { ...CLEAR, ...facts },
    calendar,
    now: at(now),
  });
}

describe("reminder policy: business days in the merchant's calendar", () => {
  it("the first reminder is due two merchant business days after the step began", () => {
    expect(nextDueAt(RULE, fresh, NL)).toEqual(at("2026-12-03T09:00:00Z"));
    expect(decide("2026-12-03T08:59:00Z")).toEqual({ kind: "wait", until: at("2026-12-03T09:00:00Z") });
    expect(decide("2026-12-03T09:00:00Z")).toEqual({ kind: "send", number: 1 });
  });

  it("weekends do not count: a step begun on Friday is reminded on Tuesday", () => {
    const friday = { stepEnteredAt: at("2026-12-04T09:00:00Z") };
    expect(nextDueAt(RULE, { ...fresh, ...friday }, NL)).toEqual(at("2026-12-08T09:00:00Z"));
  });

  it("public holidays of the merchant's country do not count and get no reminder", () => {
    // Wednesday 23 Dec 10:00; Christmas (Fri 25) is a Dutch holiday, then the weekend.
    const history = { ...fresh, stepEnteredAt: at("2026-12-23T09:00:00Z") };
    expect(nextDueAt(RULE, history, NL)).toEqual(at("2026-12-28T09:00:00Z"));
    expect(decide("2026-12-25T10:00:00Z", history)).toMatchObject({ kind: "wait" });
    // The same dates for a country without that holiday on Friday would fall on Christmas Day.
    expect(nextDueAt(RULE, history, { ...NL, country: null })).toEqual(at("2026-12-25T09:00:00Z"));
  });

  it("the merchant's time zone decides the hours: New York opens six hours later", () => {
    const ny = { ...NL, timeZone: "America/New_York", country: "US" };
    // Begun at 09:00 in New York: two full business days end at 17:30 the next day (22:30 UTC);
    // at closing time nothing is sent, so the reminder goes at 09:00 New York time (14:00 UTC).
    const history = { ...fresh, stepEnteredAt: at("2026-12-01T14:00:00Z") };
    expect(nextDueAt(RULE, history, ny)).toEqual(at("2026-12-02T22:30:00Z"));
    expect(decide("2026-12-02T22:30:00Z", history, {}, ny)).toEqual({
      kind: "wait",
      until: at("2026-12-03T14:00:00Z"),
    });
  });
});

describe("reminder policy: quiet hours", () => {
  it("a reminder due in the evening waits for the next morning in the merchant's zone", () => {
    // 21:00 in Amsterdam on the due day.
    expect(decide("2026-12-03T20:00:00Z")).toEqual({ kind: "wait", until: at("2026-12-04T08:00:00Z") });
    expect(decide("2026-12-05T12:00:00Z")).toEqual({ kind: "wait", until: at("2026-12-07T08:00:00Z") });
  });
});

describe("reminder policy: cadence, maximum count and escalation", () => {
  it("the gaps after the first are the cadence, its last gap repeating", () => {
    expect([1, 2, 3, 4, 5].map((n) => gapBeforeReminder(RULE, n))).toEqual([2, 3, 4, 4, 4]);
  });

  it("the second reminder comes three business days after the first", () => {
    const history = { sent: 1, lastActionAt: at("2026-12-03T09:00:00Z") };
    expect(decide("2026-12-08T08:59:00Z", history)).toEqual({ kind: "wait", until: at("2026-12-08T09:00:00Z") });
    expect(decide("2026-12-08T09:00:00Z", history)).toEqual({ kind: "send", number: 2 });
  });

  it("after the maximum count the specialist is asked, then the lead, then nothing more", () => {
    const third = { sent: 3, lastActionAt: at("2026-12-14T09:00:00Z") };
    expect(decide("2026-12-17T09:00:00Z", third)).toMatchObject({ kind: "wait" });
    expect(decide("2026-12-18T09:00:00Z", third)).toEqual({ kind: "escalate", to: "specialist", level: 1 });
    // Escalations are staff work: they go out when due even outside the merchant's hours.
    expect(decide("2026-12-19T22:00:00Z", third)).toEqual({ kind: "escalate", to: "specialist", level: 1 });
    const escalated = { sent: 3, escalationLevel: 1, lastActionAt: at("2026-12-18T09:00:00Z") };
    expect(decide("2026-12-23T08:00:00Z", escalated)).toMatchObject({ kind: "wait" });
    expect(decide("2026-12-24T09:00:00Z", escalated)).toEqual({ kind: "escalate", to: "lead", level: 2 });
    expect(decide("2027-02-01T09:00:00Z", { ...escalated, escalationLevel: 2 })).toEqual({ kind: "finished" });
  });
});

describe("reminder policy: stop conditions", () => {
  const due = "2026-12-03T10:00:00Z";
  it.each([
    ["stepDone", "step_done"],
    ["cancelled", "cancelled"],
    ["onHold", "on_hold"],
    ["unsubscribed", "unsubscribed"],
    ["merchantReplied", "merchant_replied"],
  ] as const)("%s stops the reminders (%s)", (fact, reason) => {
    expect(decide(due, {}, { [fact]: true })).toEqual({ kind: "stop", reason });
  });

  it("a completed step stops even an escalation", () => {
    expect(decide("2027-02-01T09:00:00Z", { sent: 3, escalationLevel: 1 }, { stepDone: true })).toEqual({
      kind: "stop",
      reason: "step_done",
    });
  });

  it("an open Lightspeed platform incident mutes the reminder without stopping it", () => {
    expect(decide(due, {}, { platformIncidentOpen: true })).toEqual({
      kind: "muted",
      reason: "platform_incident",
      until: null,
    });
  });

  it("a snooze holds until the merchant's first business hour after the date, then reminders resume", () => {
    // Snoozed until Saturday 12 Dec: the next reminder may go on Monday 14 Dec at 09:00 local.
    const snoozedUntil = at("2026-12-11T23:00:00Z");
    expect(decide(due, {}, { snoozedUntil })).toEqual({
      kind: "muted",
      reason: "snoozed",
      until: at("2026-12-14T08:00:00Z"),
    });
    expect(decide("2026-12-14T08:00:00Z", {}, { snoozedUntil })).toEqual({ kind: "send", number: 1 });
  });
});

describe("the planner's precomputed clock", () => {
  it("answers like the calendar itself, holidays, weekends and time zones included", () => {
    const cals = [NL, { ...NL, timeZone: "America/New_York", country: "US" }, { ...NL, country: "DE" }];
    for (const calendar of cals) {
      const fast = tabulatedClock(calendar, at("2026-10-01T00:00:00Z"), at("2027-06-01T00:00:00Z"));
      const slow = calendarClock(calendar);
      for (
        let t = at("2026-10-20T00:00:00Z").getTime();
        t < at("2027-01-10T00:00:00Z").getTime();
        t += 3 * 3_600_000 + 7
      ) {
        const d = new Date(t);
        expect(fast.isWithinBusinessHours(d)).toBe(slow.isWithinBusinessHours(d));
        expect(fast.nextBusinessInstant(d)).toEqual(slow.nextBusinessInstant(d));
        expect(fast.addBusinessSeconds(d, 2 * 30_600)).toEqual(slow.addBusinessSeconds(d, 2 * 30_600));
      }
    }
  });
});
