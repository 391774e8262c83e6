import { parseLocalDate, startOfNextDay, toLocalDateTimeValue } from "@/lib/time";
import type { ReportParams } from "./report-params";

/**
 * A report period as instants [start, end), in whole days of the agency's time zone: weeks start
 * on Monday, quarters on 1 Jan/Apr/Jul/Oct. Pure (callers pass `now` and the zone).
 */
export type ResolvedPeriod = { start: Date; end: Date; label: string };

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const startOf = (iso: string, zone: string) => parseLocalDate(iso, zone)!.start;

/** The local date (YYYY-MM-DD) of `date` in `zone`. */
export function localDay(date: Date, zone: string): string {
  return toLocalDateTimeValue(date, zone).slice(0, 10);
}

/** The Monday of the week of a local date. */
export function mondayOf(iso: string): string {
  const ms = dayMs(iso);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return isoDay(ms - weekday * DAY);
}

export function addDaysIso(iso: string, days: number): string {
  return isoDay(dayMs(iso) + days * DAY);
}

export function resolvePeriod(
  params: Pick<ReportParams, "period" | "from" | "to">,
  now: Date,
  zone: string,
): ResolvedPeriod {
  const today = localDay(now, zone);
  const tomorrow = startOfNextDay(startOf(today, zone), zone);
  switch (params.period) {
    case "week": {
      const monday = mondayOf(today);
      return { start: startOf(monday, zone), end: tomorrow, label: `${monday} – ${today}` };
    }
    case "quarter": {
      const [year, month] = today.split("-").map(Number) as [number, number];
      const first = `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
      return { start: startOf(first, zone), end: tomorrow, label: `${first} – ${today}` };
    }
    case "custom": {
      const from = params.from && parseLocalDate(params.from, zone);
      const to = params.to && parseLocalDate(params.to, zone);
      if (from && to && from.start < to.end)
        return { start: from.start, end: to.end, label: `${params.from} – ${params.to}` };
      break;
    }
    default:
      break;
  }
  // Last 4 weeks: this week and the three before it.
  const monday = addDaysIso(mondayOf(today), -21);
  return { start: startOf(monday, zone), end: tomorrow, label: `${monday} – ${today}` };
}
