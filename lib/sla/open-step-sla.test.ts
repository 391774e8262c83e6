import { describe, expect, it } from "vitest";
import { at, done, ev } from "@/tests/factories/clock-events";
import { parseCalendar } from "./calendar";
import { clockIntervals, type ClockEvent } from "./intervals";
import { openStepSla } from "./open-step-sla";
import { DEFAULT_SLA_POLICY, type SlaPolicy } from "./policy";
import { slaStatus } from "./sla-status";
import { waitingClock } from "./waiting-clock";

const H = 3600;
const agency = parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL" });
const us = parseCalendar({ timeZone: "America/New_York", country: "US" });
/** Signed up, user created and approved: from `iso` on, password reset is Actenzo's move. */
const atPasswordReset = (iso: string): ClockEvent[] => [
  ev("signed_up", "2026-01-05T08:00:00Z", { stage: "signed_up" }),
  done("user_created", "2026-01-05T09:00:00Z"),
  done("user_approved", iso),
];
const policies: SlaPolicy[] = [{ ...DEFAULT_SLA_POLICY, version: 1 }];
const sla = (events: ClockEvent[], now: string, list = policies, cal = agency) =>
  openStepSla(clockIntervals(events, at(now)), "password_reset", list, cal);

describe("the open Actenzo step's due and warning instants", () => {
  it("4 business hours from Tue 10:00 CET: warning at 13:00, due 14:00", () => {
    const s = sla(atPasswordReset("2026-03-03T09:00:00Z"), "2026-03-03T10:00:00Z")!;
    expect(s).toMatchObject({ stage: "password_reset", targetSeconds: 4 * H, policyVersion: 1 });
    expect(s.warnAt).toEqual(at("2026-03-03T12:00:00Z"));
    expect(s.dueAt).toEqual(at("2026-03-03T13:00:00Z"));
    expect(slaStatus(s, at("2026-03-03T11:59:59Z"))).toBe("on_track");
    expect(slaStatus(s, at("2026-03-03T12:00:00Z"))).toBe("due_soon");
    expect(slaStatus(s, at("2026-03-03T13:00:00Z"))).toBe("breached");
  });

  it("rolls over the evening: started Fri 16:30 CET, due Mon 12:00 CET", () => {
    const s = sla(atPasswordReset("2026-03-06T15:30:00Z"), "2026-03-06T16:00:00Z")!;
    expect(s.dueAt).toEqual(at("2026-03-09T11:00:00Z"));
  });

  it("across the European DST start (Sun 29 Mar 2026): Fri 15:30 CET → Mon 11:00 CEST", () => {
    const s = sla(atPasswordReset("2026-03-27T14:30:00Z"), "2026-03-27T15:00:00Z")!;
    // Fri 15:30–17:30 CET is 2 h; Mon from 09:00 CEST (07:00Z) 2 h more.
    expect(s.dueAt).toEqual(at("2026-03-30T09:00:00Z"));
  });

  it("across the European DST end (Sun 25 Oct 2026): Fri 15:30 CEST → Mon 11:00 CET", () => {
    const s = sla(atPasswordReset("2026-10-23T13:30:00Z"), "2026-10-23T14:00:00Z")!;
    expect(s.dueAt).toEqual(at("2026-10-26T10:00:00Z"));
  });

  it("on a US calendar across the US DST start and end (8 Mar / 1 Nov 2026)", () => {
    // Fri 6 Mar 15:30 EST (20:30Z) → 2 h that day, 2 h Mon 9 Mar from 09:00 EDT (13:00Z).
    expect(sla(atPasswordReset("2026-03-06T20:30:00Z"), "2026-03-06T21:00:00Z", policies, us)!.dueAt).toEqual(
      at("2026-03-09T15:00:00Z"),
    );
    // Fri 30 Oct 15:30 EDT (19:30Z) → Mon 2 Nov 11:00 EST (16:00Z).
    expect(sla(atPasswordReset("2026-10-30T19:30:00Z"), "2026-10-30T20:00:00Z", policies, us)!.dueAt).toEqual(
      at("2026-11-02T16:00:00Z"),
    );
  });

  it("a hold pauses the clock and moves the due time later by what it covered; resume never resets it", () => {
    const events = [
      ...atPasswordReset("2026-03-03T09:00:00Z"), // Tue 10:00 CET
      ev("held", "2026-03-03T10:00:00Z", { note: "Owner ill" }), // 1 h used
      ev("resumed", "2026-03-04T09:00:00Z"), // Wed 10:00 CET
    ];
    const onHold = sla(events.slice(0, 4), "2026-03-03T12:00:00Z")!;
    expect(onHold.dueAt).toBeNull(); // paused short of the target
    const resumed = sla(events, "2026-03-04T09:30:00Z")!;
    // 3 h left from Wed 10:00 CET: due 13:00 CET, not 14:00 (a reset would have given 4 h again).
    expect(resumed.dueAt).toEqual(at("2026-03-04T12:00:00Z"));
    expect(resumed.warnAt).toEqual(at("2026-03-04T11:00:00Z"));
  });

  it("a merchant action on our step pauses it; the breach already reached stays in the past", () => {
    const events = [
      ...atPasswordReset("2026-03-03T08:00:00Z"), // Tue 09:00 CET
      ev("action_required", "2026-03-03T14:00:00Z"), // 6 h later: due was at 13:00 CET
    ];
    const s = sla(events, "2026-03-05T10:00:00Z")!;
    expect(s.dueAt).toEqual(at("2026-03-03T12:00:00Z"));
    expect(slaStatus(s, at("2026-03-05T10:00:00Z"))).toBe("breached");
  });

  it("cancelled stops the clock: no due time short of the target", () => {
    const events = [...atPasswordReset("2026-03-03T09:00:00Z"), ev("cancelled", "2026-03-03T10:00:00Z")];
    expect(sla(events, "2026-03-10T10:00:00Z")!.dueAt).toBeNull();
  });

  it("is judged by the policy version in force when the step started", () => {
    const v2: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      version: 2,
      effectiveFrom: at("2026-03-03T09:30:00Z"),
      agencyTargets: { password_reset: 1 * H },
    };
    const before = sla(atPasswordReset("2026-03-03T09:00:00Z"), "2026-03-03T10:00:00Z", [...policies, v2])!;
    expect(before).toMatchObject({ policyVersion: 1, targetSeconds: 4 * H });
    const after = sla(atPasswordReset("2026-03-03T09:45:00Z"), "2026-03-03T10:00:00Z", [...policies, v2])!;
    expect(after).toMatchObject({ policyVersion: 2, targetSeconds: 1 * H });
  });

  it("a merchant's step has no Actenzo target", () => {
    const events = atPasswordReset("2026-03-03T09:00:00Z").slice(0, 2);
    expect(
      openStepSla(clockIntervals(events, at("2026-03-03T10:00:00Z")), "user_approved", policies, agency),
    ).toBeNull();
  });
});

describe("the queue's Waiting clock", () => {
  it("counts the current owner's business time across owner changes and holds", () => {
    const events = [
      ...atPasswordReset("2026-03-03T09:00:00Z"), // Tue 10:00 CET: ours
      ev("action_required", "2026-03-03T10:00:00Z"), // 1 h ours, then the merchant's (New York, 05:00 EST)
      ev("action_cleared", "2026-03-03T15:00:00Z"), // 10:00 EST: 1 h merchant; 16:00 CET ours again
      ev("held", "2026-03-03T15:30:00Z", { note: "Waiting for the bank" }),
      ev("resumed", "2026-03-04T08:00:00Z"), // Wed 09:00 CET
    ];
    const calendars = { agency, merchant: us };
    const now = at("2026-03-04T09:00:00Z"); // Wed 10:00 CET
    expect(waitingClock(events, "password_reset", "agency", calendars, now)).toEqual({
      owner: "agency",
      businessSeconds: 1 * H + 0.5 * H + 1 * H, // before, after the action, and after the resume
    });
    expect(waitingClock(events, "password_reset", "merchant", calendars, now)?.businessSeconds).toBe(1 * H);
    expect(waitingClock(events, null, null, calendars, now)).toBeNull();
  });
});

describe("a re-key", () => {
  it("reopens the key steps and gives the ball to the merchant; the step's first start still picks the policy", () => {
    const events: ClockEvent[] = [
      ev("signed_up", "2026-03-02T08:00:00Z", { stage: "signed_up" }),
      ...(["user_created", "user_approved", "password_reset", "key_received", "secret_received"] as const).map((s) =>
        done(s, "2026-03-02T09:00:00Z"),
      ),
      // Mon 10:00 CET: key verified is ours; Mon 11:00 CET the key turns out revoked.
      ev("rekey_opened", "2026-03-02T10:00:00Z", { undone: ["key_received", "secret_received"] }),
      done("key_received", "2026-03-03T09:00:00Z"),
      done("secret_received", "2026-03-03T09:00:00Z"),
      ev("action_cleared", "2026-03-03T09:00:00Z"), // Tue 10:00 CET: ours again
    ];
    const intervals = clockIntervals(events, at("2026-03-03T10:00:00Z"));
    expect(intervals.find((i) => i.start.getTime() === at("2026-03-02T10:00:00Z").getTime())).toMatchObject({
      stage: "key_received",
      kind: "merchant",
    });
    const s = openStepSla(intervals, "key_verified", policies, agency)!;
    // 2 h target: 1 h used on Monday, 1 h from Tue 10:00 CET.
    expect(s.startedAt).toEqual(at("2026-03-02T09:00:00Z"));
    expect(s.dueAt).toEqual(at("2026-03-03T10:00:00Z"));
  });
});
