import { describe, expect, it } from "vitest";
import {
  fromIsoDay,
  isStartOfDay,
  parseLocalDate,
  parseLocalDateTime,
  startOfNextDay,
  toLocalDateTimeValue,
  toTypedDateTime,
  wallClockToInstant,
} from "./wall-clock";

const AMS = "Europe/Amsterdam";
const NYC = "America/New_York";
const iso = (d: Date | null | undefined) => d?.toISOString();
const wall = (s: string) => {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = s.split(/[-T:]/).map(Number);
  return { year, month, day, hour, minute };
};

describe("parseLocalDateTime around Europe/Amsterdam's changes (29 Mar and 25 Oct 2026)", () => {
  it("reads times either side of the spring-forward with the right offset", () => {
    expect(iso(parseLocalDateTime("2026-03-29T01:59", AMS))).toBe("2026-03-29T00:59:00.000Z"); // CET, UTC+1
    expect(iso(parseLocalDateTime("2026-03-29T03:00", AMS))).toBe("2026-03-29T01:00:00.000Z"); // CEST, UTC+2
  });
  it("moves a time inside the gap forward by the gap (02:30 does not exist → 03:30 CEST)", () => {
    expect(wallClockToInstant(wall("2026-03-29T02:30"), AMS)).toEqual({
      instant: new Date("2026-03-29T01:30:00Z"),
      disambiguation: "gap-moved-forward",
    });
  });
  it("reads an ambiguous fall-back time as the earlier one (02:30 CEST, not CET)", () => {
    expect(wallClockToInstant(wall("2026-10-25T02:30"), AMS)).toEqual({
      instant: new Date("2026-10-25T00:30:00Z"),
      disambiguation: "overlap-earlier",
    });
  });
  it("reads times either side of the fall-back with the right offset", () => {
    expect(iso(parseLocalDateTime("2026-10-25T01:59", AMS))).toBe("2026-10-24T23:59:00.000Z"); // CEST
    expect(iso(parseLocalDateTime("2026-10-25T03:00", AMS))).toBe("2026-10-25T02:00:00.000Z"); // CET
  });
  it("uses summer and winter offsets for dates in the other half of the year", () => {
    expect(iso(parseLocalDateTime("2026-07-01T12:00", AMS))).toBe("2026-07-01T10:00:00.000Z");
    expect(iso(parseLocalDateTime("2026-12-01T12:00", AMS))).toBe("2026-12-01T11:00:00.000Z");
  });
});

describe("parseLocalDateTime around America/New_York's changes (8 Mar and 1 Nov 2026)", () => {
  it("reads times either side of the spring-forward", () => {
    expect(iso(parseLocalDateTime("2026-03-08T01:59", NYC))).toBe("2026-03-08T06:59:00.000Z"); // EST
    expect(iso(parseLocalDateTime("2026-03-08T03:00", NYC))).toBe("2026-03-08T07:00:00.000Z"); // EDT
  });
  it("moves 02:30 (skipped) forward to 03:30 EDT", () => {
    expect(wallClockToInstant(wall("2026-03-08T02:30"), NYC)).toEqual({
      instant: new Date("2026-03-08T07:30:00Z"),
      disambiguation: "gap-moved-forward",
    });
  });
  it("reads the repeated 01:30 as the earlier, EDT one", () => {
    expect(wallClockToInstant(wall("2026-11-01T01:30"), NYC)).toEqual({
      instant: new Date("2026-11-01T05:30:00Z"),
      disambiguation: "overlap-earlier",
    });
  });
  it("reads times either side of the fall-back", () => {
    expect(iso(parseLocalDateTime("2026-11-01T00:59", NYC))).toBe("2026-11-01T04:59:00.000Z"); // EDT
    expect(iso(parseLocalDateTime("2026-11-01T02:00", NYC))).toBe("2026-11-01T07:00:00.000Z"); // EST
  });
});

describe("day-first typing, as the console's date fields show dates", () => {
  it.each([
    // Amsterdam: 29 Mar 2026 02:30 does not exist (moves to 03:30 CEST); 25 Oct 02:30 happens twice (the earlier).
    ["28-03-2026 14:20", AMS, "2026-03-28T13:20:00.000Z"],
    ["29-03-2026 02:30", AMS, "2026-03-29T01:30:00.000Z"],
    ["30-03-2026 14:20", AMS, "2026-03-30T12:20:00.000Z"],
    ["25-10-2026 02:30", AMS, "2026-10-25T00:30:00.000Z"],
    ["26/10/2026 14:20", AMS, "2026-10-26T13:20:00.000Z"],
    // New York: 8 Mar and 1 Nov 2026.
    ["7.3.2026 9:05", NYC, "2026-03-07T14:05:00.000Z"],
    ["09-03-2026 09:05", NYC, "2026-03-09T13:05:00.000Z"],
    ["02-11-2026 09:05", NYC, "2026-11-02T14:05:00.000Z"],
    ["2026-11-02 09:05", NYC, "2026-11-02T14:05:00.000Z"],
  ])("reads %j in %s as %s", (value, zone, instant) => {
    expect(iso(parseLocalDateTime(value, zone))).toBe(instant);
  });

  it("reads a typed day as that whole day in the zone, 23 hours on the spring-forward day", () => {
    const day = parseLocalDate("29-03-2026", AMS)!;
    expect([iso(day.start), iso(day.end)]).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(iso(parseLocalDate("5/12/2026", AMS)?.start)).toBe("2026-12-04T23:00:00.000Z");
  });

  it("shows instants back the way they are typed", () => {
    const at = new Date("2026-10-25T00:30:00.000Z");
    expect(toTypedDateTime(at, AMS)).toBe("25-10-2026 02:30");
    expect(iso(parseLocalDateTime(toTypedDateTime(at, AMS), AMS))).toBe(iso(at));
    expect(fromIsoDay("2026-12-05")).toBe("05-12-2026");
  });
});

describe("parsing refuses what is not a date", () => {
  it.each([
    "",
    "29-11-2026",
    "30-02-2026 10:00",
    "2026-02-30T10:00",
    "2026-11-29T24:00",
    "2026-11-29",
    "11/29/2026 2:20 PM",
  ])("refuses %j as a date-time", (value) => {
    expect(parseLocalDateTime(value, AMS)).toBeNull();
  });
  it.each(["", "2026-13-01", "5 Dec", "2026-12-05T10:00", "05-12-2026 10:00", "31-04-2026", "12/31/2026"])(
    "refuses %j as a date",
    (value) => {
      expect(parseLocalDate(value, AMS)).toBeNull();
    },
  );
});

describe("days in a zone", () => {
  it("a day runs from midnight to the next midnight in the zone", () => {
    expect(parseLocalDate("2026-12-05", AMS)).toEqual({
      start: new Date("2026-12-04T23:00:00Z"),
      end: new Date("2026-12-05T23:00:00Z"),
    });
    expect(parseLocalDate("2026-12-05", NYC)).toEqual({
      start: new Date("2026-12-05T05:00:00Z"),
      end: new Date("2026-12-06T05:00:00Z"),
    });
  });
  it("the spring-forward day is 23 hours long and the fall-back day 25", () => {
    const spring = parseLocalDate("2026-03-29", AMS)!;
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = parseLocalDate("2026-11-01", NYC)!;
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });
  it("startOfNextDay and isStartOfDay agree across a change", () => {
    const next = startOfNextDay(new Date("2026-10-25T01:30:00Z"), AMS);
    expect(next.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(isStartOfDay(next, AMS)).toBe(true);
    expect(isStartOfDay(next, NYC)).toBe(false);
  });
});

describe("toLocalDateTimeValue", () => {
  it("writes the wall clock in the zone, summer and winter", () => {
    expect(toLocalDateTimeValue(new Date("2026-03-29T00:59:00Z"), AMS)).toBe("2026-03-29T01:59");
    expect(toLocalDateTimeValue(new Date("2026-03-29T01:00:00Z"), AMS)).toBe("2026-03-29T03:00");
    expect(toLocalDateTimeValue(new Date("2026-11-01T05:30:00Z"), NYC)).toBe("2026-11-01T01:30");
    expect(toLocalDateTimeValue(new Date("2026-11-01T06:30:00Z"), NYC)).toBe("2026-11-01T01:30");
  });
});
