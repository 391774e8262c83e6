import { WEEKDAYS, type BusinessCalendar } from "../calendar";

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const hoursText = (hours: BusinessCalendar["hours"]) => `${clock(hours.start)}-${clock(hours.end)}`;
// Days in week order (mon first), however they were typed.
const daysText = (days: BusinessCalendar["days"]) =>
  [...WEEKDAYS.slice(1), WEEKDAYS[0]].filter((d) => days.includes(d)).join(",");

/** The `--json` object: the figure, then the inputs it was computed from. */
export function jsonOutput(from: Date, to: Date, calendar: BusinessCalendar, seconds: number) {
  return {
    seconds,
    from: from.toISOString(),
    to: to.toISOString(),
    tz: calendar.timeZone,
    country: calendar.country ?? null,
    hours: hoursText(calendar.hours),
    days: daysText(calendar.days),
    closed: [...(calendar.closed ?? [])],
  };
}

/** "30600 business seconds (8 h 30 min) in Europe/Amsterdam, mon,…,fri 09:00-17:30, holidays of NL." */
export function humanSummary(from: Date, to: Date, calendar: BusinessCalendar, seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean).join(" ") || "none";
  const extras = [
    calendar.country ? `public holidays of ${calendar.country} off` : "no public holidays",
    calendar.closed?.length ? `closed ${calendar.closed.join(", ")}` : null,
  ].filter(Boolean);
  return (
    `${seconds} business seconds (${parts}) from ${from.toISOString()} to ${to.toISOString()} ` +
    `in ${calendar.timeZone}, ${daysText(calendar.days)} ${hoursText(calendar.hours)}, ${extras.join(", ")}.`
  );
}
