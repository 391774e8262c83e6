import { describe, expect, it } from "vitest";
import { at, done, ev } from "@/tests/factories/clock-events";
import { parseCalendar } from "./calendar";
import { stepClocks, targetInstants } from "./clocks";
import { clockIntervals, type ClockEvent } from "./intervals";

const H = 3600;
const agency = parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL" });
const merchant = parseCalendar({ timeZone: "America/New_York", country: "US" });
const calendars = { agency, merchant };
const clocks = (events: ClockEvent[], now: string) => stepClocks(clockIntervals(events, at(now)), calendars);

describe("clocks follow the owner of the current step", () => {
  // Mon 30 Nov 2026: Amsterdam is UTC+1, New York UTC-5.
  const events = [
    ev("signed_up", "2026-11-30T14:00:00Z", { stage: "signed_up" }), // 09:00 EST
    done("user_created", "2026-11-30T16:00:00Z"), // 11:00 EST
    ev("note", "2026-11-30T16:30:00Z"),
    done("user_approved", "2026-11-30T17:00:00Z"), // 12:00 EST; password reset is ours, 18:00 CET
    done("password_reset", "2026-12-01T09:00:00Z"), // Tue 10:00 CET
  ];
  it("merchant steps run on the merchant's calendar, Actenzo's on the agency's", () => {
    expect(clocks(events, "2026-12-01T15:00:00Z")).toEqual([
      { stage: "user_created", agencyWorkSeconds: 0, merchantWaitSeconds: 2 * H, holdSeconds: 0, holds: [] },
      { stage: "user_approved", agencyWorkSeconds: 0, merchantWaitSeconds: 1 * H, holdSeconds: 0, holds: [] },
      // 18:00 CET Monday → 10:00 CET Tuesday: one business hour, not sixteen.
      { stage: "password_reset", agencyWorkSeconds: 1 * H, merchantWaitSeconds: 0, holdSeconds: 0, holds: [] },
      // Tue 04:00 → 10:00 EST: New York opens at 09:00.
      { stage: "key_received", agencyWorkSeconds: 0, merchantWaitSeconds: 1 * H, holdSeconds: 0, holds: [] },
    ]);
  });
  it("an action the merchant must take moves the ball to them on our step", () => {
    const withAction = [
      ...events.slice(0, 4),
      ev("action_required", "2026-12-01T09:00:00Z"), // Tue 10:00 CET, 04:00 EST
      ev("action_cleared", "2026-12-01T15:00:00Z"), // 10:00 EST, 16:00 CET
      done("password_reset", "2026-12-01T16:00:00Z"), // 17:00 CET
    ];
    expect(clocks(withAction, "2026-12-01T16:00:00Z")[2]).toEqual({
      stage: "password_reset",
      agencyWorkSeconds: 2 * H, // 09:00–10:00 and 16:00–17:00 CET
      merchantWaitSeconds: 1 * H, // 09:00–10:00 EST
      holdSeconds: 0,
      holds: [],
    });
  });
  it("no clock runs after the last step is done", () => {
    const all = [
      ...events,
      done("key_received", "2026-12-02T15:00:00Z"),
      done("secret_received", "2026-12-02T15:00:00Z"),
      done("key_verified", "2026-12-02T15:30:00Z"),
      done("live", "2026-12-02T16:00:00Z"),
    ];
    const later = clocks(all, "2026-12-20T00:00:00Z");
    expect(later).toEqual(clocks(all, "2026-12-02T16:00:00Z"));
    expect(later.map((c) => [c.stage, c.agencyWorkSeconds])).toContainEqual(["live", 1800]);
  });
});

describe("hold and resume pause the clock and never reset it", () => {
  const ready = [
    ev("signed_up", "2026-11-30T08:00:00Z", { stage: "signed_up" }),
    done("user_created", "2026-11-30T08:00:00Z"),
    done("user_approved", "2026-11-30T08:00:00Z"), // password reset is ours from Mon 09:00 CET
  ];
  const held = [
    ...ready,
    ev("held", "2026-11-30T09:00:00Z", { note: "Merchant on holiday" }),
    ev("resumed", "2026-12-01T09:00:00Z"),
  ];
  const reset = (events: ClockEvent[], now: string) => clocks(events, now).find((c) => c.stage === "password_reset");

  it("keeps the agency time from before the hold and reports the hold with its reason", () => {
    expect(reset(held, "2026-12-01T10:00:00Z")).toEqual({
      stage: "password_reset",
      agencyWorkSeconds: 2 * H,
      merchantWaitSeconds: 0,
      holdSeconds: 24 * H,
      holds: [{ reason: "Merchant on holiday", seconds: 24 * H }],
    });
  });
  it("splits hold time by reason when a hold is extended with a new one", () => {
    const extended = [...ready, ev("held", "2026-11-30T09:00:00Z", { note: "Holiday" })];
    extended.push(ev("held", "2026-11-30T12:00:00Z", { note: "Lightspeed outage" }));
    expect(reset(extended, "2026-11-30T13:00:00Z")?.holds).toEqual([
      { reason: "Holiday", seconds: 3 * H },
      { reason: "Lightspeed outage", seconds: 1 * H },
    ]);
  });

  const target = 4 * H;
  const instants = (events: ClockEvent[], now: string) =>
    targetInstants(clockIntervals(events, at(now)), "password_reset", target, agency);
  it("warns at 75 % of the target, projected while the ball is with Actenzo", () => {
    // No hold: Mon 09:00 CET + 3 h, + 4 h.
    expect(instants(ready, "2026-11-30T08:30:00Z")).toEqual({
      warnAt: at("2026-11-30T11:00:00Z"),
      dueAt: at("2026-11-30T12:00:00Z"),
    });
  });
  it("has no warning or due time while on hold, and moves them later after the resume", () => {
    expect(instants(held, "2026-11-30T15:00:00Z")).toEqual({ warnAt: null, dueAt: null });
    // 1 h used before the hold; resumed Tue 10:00 CET: 2 h more to 75 %, 3 h more to 100 %.
    expect(instants(held, "2026-12-01T09:30:00Z")).toEqual({
      warnAt: at("2026-12-01T11:00:00Z"),
      dueAt: at("2026-12-01T12:00:00Z"),
    });
  });
  it("keeps past instants once the step crossed them, however long ago", () => {
    const completed = [...held, done("password_reset", "2026-12-01T11:30:00Z")];
    expect(instants(completed, "2026-12-20T00:00:00Z")).toEqual({ warnAt: at("2026-12-01T11:00:00Z"), dueAt: null });
  });
});

describe("cancel stops every clock", () => {
  const events = [
    ev("signed_up", "2026-11-30T08:00:00Z", { stage: "signed_up" }),
    done("user_created", "2026-11-30T08:00:00Z"),
    done("user_approved", "2026-11-30T08:00:00Z"),
    ev("cancelled", "2026-11-30T10:00:00Z", { note: "Chose another agency" }),
    ev("note", "2026-12-03T10:00:00Z"),
  ];
  it("counts nothing after the cancellation", () => {
    expect(clocks(events, "2026-12-10T00:00:00Z")).toEqual([
      { stage: "password_reset", agencyWorkSeconds: 2 * H, merchantWaitSeconds: 0, holdSeconds: 0, holds: [] },
    ]);
  });
  it("gives no warning or due time for a target it never reached, and keeps those it did", () => {
    const intervals = clockIntervals(events, at("2026-12-10T00:00:00Z"));
    expect(targetInstants(intervals, "password_reset", 4 * H, agency)).toEqual({ warnAt: null, dueAt: null });
    // 2 h used: a 2 h target warned at 1.5 h (10:30 CET) and fell due at the cancellation (11:00 CET).
    expect(targetInstants(intervals, "password_reset", 2 * H, agency)).toEqual({
      warnAt: at("2026-11-30T09:30:00Z"),
      dueAt: at("2026-11-30T10:00:00Z"),
    });
  });
});
