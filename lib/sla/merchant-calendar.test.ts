import { describe, expect, it } from "vitest";
import { businessSeconds } from "./business-time";
import { calendarInput, merchantCalendar } from "./merchant-calendar";

const merchant = { country: "NL", timeZone: "Europe/Amsterdam" };
// Monday 7 Dec 2026, 00:00 to Saturday 12 Dec 00:00 in Amsterdam (UTC+1): a week with no Dutch holiday.
const monday = new Date("2026-12-06T23:00:00Z");
const saturday = new Date("2026-12-11T23:00:00Z");

describe("a merchant's calendar", () => {
  it("is 09:00–17:30 Mon–Fri in the merchant's zone when nothing is stored", () => {
    const calendar = merchantCalendar(
      calendarInput({ ...merchant, workingHoursStart: null, workingHoursEnd: null, workingDays: null }),
    );
    expect(calendar).toMatchObject({ hours: { start: 540, end: 1050 }, days: ["mon", "tue", "wed", "thu", "fri"] });
    expect(businessSeconds(monday, saturday, calendar)).toBe(5 * 8.5 * 3600);
  });

  it("uses the stored hours and days", () => {
    const calendar = merchantCalendar(
      calendarInput({ ...merchant, workingHoursStart: 13 * 60, workingHoursEnd: 24 * 60, workingDays: ["mon", "wed"] }),
    );
    expect(calendar).toMatchObject({
      hours: { start: 780, end: 1440 },
      days: ["mon", "wed"],
      timeZone: "Europe/Amsterdam",
    });
    expect(businessSeconds(monday, saturday, calendar)).toBe(2 * 11 * 3600);
  });

  it("keeps the default for the part that is not stored", () => {
    const onlyDays = merchantCalendar(calendarInput({ ...merchant, workingDays: ["sat"] }));
    expect(onlyDays).toMatchObject({ hours: { start: 540, end: 1050 }, days: ["sat"] });
    const onlyHours = merchantCalendar(calendarInput({ ...merchant, workingHoursStart: 480, workingHoursEnd: 960 }));
    expect(onlyHours).toMatchObject({ hours: { start: 480, end: 960 }, days: ["mon", "tue", "wed", "thu", "fri"] });
  });
});
