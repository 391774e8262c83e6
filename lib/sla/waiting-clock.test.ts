import { describe, expect, it } from "vitest";
import { at, done, ev } from "@/tests/factories/clock-events";
import { businessSeconds } from "./business-time";
import { parseCalendar } from "./calendar";
import { clockIntervals, type ClockEvent } from "./intervals";
import { waitingAnchor, waitingClock } from "./waiting-clock";

const agency = parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL" });
const merchant = parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL", hours: "13:00-17:30" });
const calendars = { agency, merchant };
// "User approved" is the merchant's move from Monday 2 Nov 2026, 09:00 in Amsterdam.
const started: ClockEvent[] = [ev("signed_up", "2026-11-02T08:00:00Z"), done("user_created", "2026-11-02T08:00:00Z")];
const anchorAt = (events: ClockEvent[], now: string) => waitingAnchor(clockIntervals(events, at(now)), calendars);

describe("waitingAnchor", () => {
  it("is where the owner's business time up to now equals the Waiting shown, across a hold", () => {
    const events = [
      ...started,
      ev("held", "2026-11-02T14:00:00Z", { note: "Owner travelling" }),
      ev("resumed", "2026-11-16T08:00:00Z"),
    ];
    for (const now of ["2026-11-17T15:00:00Z", "2026-11-20T10:00:00Z"]) {
      const anchor = anchorAt(events, now)!;
      const shown = waitingClock(events, "user_approved", "merchant", calendars, at(now))!;
      expect(businessSeconds(anchor, at(now), merchant)).toBe(shown.businessSeconds);
    }
  });

  it("is the step's start while its clock has run without a break, and none while on hold", () => {
    expect(anchorAt(started, "2026-11-10T10:00:00Z")).toEqual(at("2026-11-02T08:00:00Z"));
    expect(anchorAt([...started, ev("held", "2026-11-03T12:00:00Z")], "2026-11-10T10:00:00Z")).toBeNull();
  });
});
