import { describe, expect, it } from "vitest";
import { isoWeekOf } from "./iso-week";

describe("isoWeekOf", () => {
  it("numbers weeks from Monday, with week 1 holding the first Thursday", () => {
    expect(isoWeekOf("2026-11-30")).toBe("2026-W49"); // a Monday
    expect(isoWeekOf("2026-12-06")).toBe("2026-W49"); // its Sunday
    expect(isoWeekOf("2026-12-07")).toBe("2026-W50");
  });

  it("puts days around new year in the week their Thursday decides", () => {
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53"); // a Friday: 2026 has 53 weeks
    expect(isoWeekOf("2027-01-04")).toBe("2027-W01");
    expect(isoWeekOf("2025-12-29")).toBe("2026-W01"); // a Monday whose Thursday is 1 Jan 2026
  });
});
