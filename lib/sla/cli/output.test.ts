import { describe, expect, it } from "vitest";
import { parseCalendar } from "../calendar";
import { humanSummary, jsonOutput } from "./output";

const from = new Date("2026-11-27T15:00:00Z");
const to = new Date("2026-11-30T09:00:00Z");
const calendar = parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL", days: "fri,mon", closed: "2026-12-24" });

describe("output", () => {
  it("puts seconds first, then the inputs as read", () => {
    expect(jsonOutput(from, to, calendar, 9000)).toEqual({
      seconds: 9000,
      from: "2026-11-27T15:00:00.000Z",
      to: "2026-11-30T09:00:00.000Z",
      tz: "Europe/Amsterdam",
      country: "NL",
      hours: "09:00-17:30",
      days: "mon,fri",
      closed: ["2026-12-24"],
    });
    expect(Object.keys(jsonOutput(from, to, calendar, 0))[0]).toBe("seconds");
  });
  it("says the figure in words with the calendar it used", () => {
    expect(humanSummary(from, to, calendar, 9045)).toBe(
      "9045 business seconds (2 h 30 min 45 s) from 2026-11-27T15:00:00.000Z to 2026-11-30T09:00:00.000Z in Europe/Amsterdam, mon,fri 09:00-17:30, public holidays of NL off, closed 2026-12-24.",
    );
    expect(humanSummary(from, from, parseCalendar({ timeZone: "UTC" }), 0)).toContain("0 business seconds (none)");
  });
});
