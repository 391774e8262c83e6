import { describe, expect, it } from "vitest";
import { mondayOf, resolvePeriod } from "./report-period";

const zone = "Europe/Amsterdam";
const now = new Date("2026-11-29T10:00:00Z"); // Sunday 29 Nov 2026, 11:00 in Amsterdam

describe("resolvePeriod", () => {
  it("this week runs from Monday 00:00 local to the end of today", () => {
    expect(resolvePeriod({ period: "week" }, now, zone)).toEqual({
      start: new Date("2026-11-22T23:00:00Z"),
      end: new Date("2026-11-29T23:00:00Z"),
      label: "2026-11-23 – 2026-11-29",
    });
  });
  it("last 4 weeks starts three Mondays before this one", () => {
    expect(resolvePeriod({ period: "4w" }, now, zone).start).toEqual(new Date("2026-11-01T23:00:00Z"));
  });
  it("the quarter starts on 1 October, in summer time", () => {
    expect(resolvePeriod({ period: "quarter" }, now, zone).start).toEqual(new Date("2026-09-30T22:00:00Z"));
  });
  it("custom days are inclusive; a reversed or missing range falls back to 4 weeks", () => {
    expect(resolvePeriod({ period: "custom", from: "2026-03-29", to: "2026-03-29" }, now, zone)).toMatchObject({
      start: new Date("2026-03-28T23:00:00Z"),
      end: new Date("2026-03-29T22:00:00Z"), // a 23-hour day
    });
    expect(resolvePeriod({ period: "custom", from: "2026-04-02", to: "2026-04-01" }, now, zone).label).toBe(
      "2026-11-02 – 2026-11-29",
    );
  });
  it("mondayOf", () => {
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
  });
});
