import { describe, expect, it } from "vitest";
import { addBusinessSeconds, businessSeconds } from "./business-time";
import { parseCalendar } from "./calendar";

const AMS = "Europe/Amsterdam";
const NYC = "America/New_York";
const H = 3600;
const at = (iso: string) => new Date(iso);
const seconds = (from: string, to: string, calendar: Parameters<typeof parseCalendar>[0]) =>
  businessSeconds(at(from), at(to), parseCalendar(calendar));

describe("businessSeconds: working days and hours (default Mon–Fri 09:00–17:30)", () => {
  it("skips the weekend: Fri 16:00 → Mon 10:00 CET is 1.5 h + 1 h", () => {
    expect(seconds("2026-11-27T15:00:00Z", "2026-11-30T09:00:00Z", { timeZone: AMS })).toBe(2.5 * H);
  });
  it("counts a whole weekend as nothing", () => {
    expect(seconds("2026-11-27T16:30:00Z", "2026-11-30T08:00:00Z", { timeZone: AMS })).toBe(0);
  });
  it("counts two full weeks as ten working days of 8.5 h", () => {
    expect(seconds("2026-11-01T23:00:00Z", "2026-11-15T23:00:00Z", { timeZone: AMS })).toBe(85 * H);
  });
  it("counts part of a day exactly, to the second, in the calendar's zone", () => {
    // 10:00:00 → 10:00:45 CET; the same instants are 04:00 EST, before New York opens.
    expect(seconds("2026-12-01T09:00:00Z", "2026-12-01T09:00:45Z", { timeZone: AMS })).toBe(45);
    expect(seconds("2026-12-01T09:00:00Z", "2026-12-01T09:00:45Z", { timeZone: NYC })).toBe(0);
  });
  it("gives 0 when to is not after from", () => {
    expect(seconds("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z", { timeZone: AMS })).toBe(0);
    expect(seconds("2026-12-01T12:00:00Z", "2026-12-01T10:00:00Z", { timeZone: AMS })).toBe(0);
  });
  it("honours other working days", () => {
    const cal = { timeZone: AMS, days: "sat,sun" };
    expect(seconds("2026-11-27T15:00:00Z", "2026-11-30T09:00:00Z", cal)).toBe(17 * H);
  });
  it("allows 24:00 as the end: 22:00–24:00 counts to midnight", () => {
    // Mon 30 Nov 20:00 EST → Tue 1 Dec 23:00 EST: 2 h on Monday, 1 h on Tuesday.
    const cal = { timeZone: NYC, hours: "22:00-24:00" };
    expect(seconds("2026-12-01T01:00:00Z", "2026-12-02T04:00:00Z", cal)).toBe(3 * H);
  });
});

describe("businessSeconds: public holidays and closures", () => {
  it("skips King's Day (Mon 27 Apr 2026) only with --country NL", () => {
    const span = ["2026-04-24T00:00:00Z", "2026-04-29T00:00:00Z"] as const;
    expect(seconds(...span, { timeZone: AMS, country: "NL" })).toBe(17 * H);
    expect(seconds(...span, { timeZone: AMS })).toBe(25.5 * H);
  });
  it("skips US Thanksgiving (Thu 26 Nov 2026) but not the day after (an observance, not public)", () => {
    const span = ["2026-11-25T05:00:00Z", "2026-11-28T05:00:00Z"] as const;
    expect(seconds(...span, { timeZone: NYC, country: "US" })).toBe(17 * H);
    expect(seconds(...span, { timeZone: NYC })).toBe(25.5 * H);
  });
  it("a country's holidays fall on its dates in the calendar's zone", () => {
    // 26 Nov 09:00–17:30 in Amsterdam is a working day even with the US calendar's holidays.
    expect(seconds("2026-11-25T23:00:00Z", "2026-11-26T23:00:00Z", { timeZone: AMS, country: "US" })).toBe(0);
    expect(seconds("2026-11-25T23:00:00Z", "2026-11-26T23:00:00Z", { timeZone: AMS, country: "NL" })).toBe(8.5 * H);
  });
  it("spans Christmas: weekends, holidays and closure days all skipped", () => {
    // Mon 21 Dec 2026 → Mon 4 Jan 2027 in Amsterdam.
    const span = ["2026-12-20T23:00:00Z", "2027-01-03T23:00:00Z"] as const;
    expect(seconds(...span, { timeZone: AMS })).toBe(10 * 8.5 * H);
    expect(seconds(...span, { timeZone: AMS, country: "NL" })).toBe(8 * 8.5 * H);
    expect(seconds(...span, { timeZone: AMS, country: "NL", closed: "2026-12-24,2026-12-31" })).toBe(6 * 8.5 * H);
  });
});

describe("businessSeconds across daylight-saving changes", () => {
  const day = (timeZone: string, hours: string) => ({ timeZone, hours, days: "sun" });
  it("Amsterdam spring-forward (Sun 29 Mar 2026): 02:00–03:00 does not exist", () => {
    const span = ["2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"] as const;
    expect(seconds(...span, day(AMS, "00:00-24:00"))).toBe(23 * H);
    expect(seconds(...span, day(AMS, "02:00-03:00"))).toBe(0);
    expect(seconds(...span, day(AMS, "01:00-04:00"))).toBe(2 * H);
  });
  it("Amsterdam fall-back (Sun 25 Oct 2026): 02:00–03:00 happens twice", () => {
    const span = ["2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z"] as const;
    expect(seconds(...span, day(AMS, "00:00-24:00"))).toBe(25 * H);
    expect(seconds(...span, day(AMS, "02:00-03:00"))).toBe(2 * H);
    // 02:30–03:00 CEST, 02:30–03:00 CET, 03:00–03:30 CET.
    expect(seconds(...span, day(AMS, "02:30-03:30"))).toBe(1.5 * H);
  });
  it("New York spring-forward (Sun 8 Mar 2026) and fall-back (Sun 1 Nov 2026)", () => {
    expect(seconds("2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", day(NYC, "00:00-24:00"))).toBe(23 * H);
    expect(seconds("2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", day(NYC, "02:00-03:00"))).toBe(0);
    expect(seconds("2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", day(NYC, "00:00-24:00"))).toBe(25 * H);
    expect(seconds("2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", day(NYC, "01:00-02:00"))).toBe(2 * H);
  });
  it("an interval cut inside the repeated hour counts real elapsed time", () => {
    // 02:15 CEST → 02:45 CET in Amsterdam is 90 real minutes, all inside 02:00–03:00.
    expect(seconds("2026-10-25T00:15:00Z", "2026-10-25T01:45:00Z", day(AMS, "02:00-03:00"))).toBe(1.5 * H);
  });
  it("an ordinary working week across the change keeps 8.5 h days", () => {
    expect(seconds("2026-03-22T23:00:00Z", "2026-04-05T22:00:00Z", { timeZone: AMS })).toBe(85 * H);
    expect(seconds("2026-10-18T22:00:00Z", "2026-11-01T23:00:00Z", { timeZone: AMS })).toBe(85 * H);
  });
});

describe("addBusinessSeconds: a target's due time", () => {
  const ams = parseCalendar({ timeZone: AMS, country: "NL" });
  it("carries over the weekend: Fri 16:30 + 4 h is Mon 12:00 CET", () => {
    expect(addBusinessSeconds(at("2026-11-27T15:30:00Z"), 4 * H, ams)).toEqual(at("2026-11-30T11:00:00Z"));
  });
  it("is due at closing time when the target ends exactly there", () => {
    expect(addBusinessSeconds(at("2026-11-27T15:30:00Z"), 1 * H, ams)).toEqual(at("2026-11-27T16:30:00Z"));
  });
  it("starts at the next opening when started outside hours, and skips holidays", () => {
    // Sat 25 Apr → Mon 27 (King's Day) → Tue 28 Apr 09:00 CEST + 2 h.
    expect(addBusinessSeconds(at("2026-04-25T10:00:00Z"), 2 * H, ams)).toEqual(at("2026-04-28T09:00:00Z"));
  });
  it("a zero target is due immediately", () => {
    expect(addBusinessSeconds(at("2026-04-25T10:00:00Z"), 0, ams)).toEqual(at("2026-04-25T10:00:00Z"));
  });
  it("adds real time across the spring gap", () => {
    const sunday = parseCalendar({ timeZone: AMS, days: "sun", hours: "00:00-24:00" });
    expect(addBusinessSeconds(at("2026-03-28T23:00:00Z"), 3 * H, sunday)).toEqual(at("2026-03-29T02:00:00Z"));
  });
  it.each([1, 600, 8.5 * H, 30 * H, 200 * H])("round-trips with businessSeconds (%i s)", (target) => {
    const from = at("2026-12-18T14:12:07Z");
    expect(businessSeconds(from, addBusinessSeconds(from, target, ams), ams)).toBe(target);
  });
});
