import { offsetRuns } from "@/lib/time";
import { publicHolidays, WEEKDAYS, type BusinessCalendar } from "./calendar";

/**
 * Business time: the instants whose local wall clock (in the calendar's zone) falls on a working
 * day within working hours. Counted per run of one UTC offset (lib/time offsetRuns), so wall-clock
 * times skipped by a spring-forward never count and times repeated by a fall-back count twice:
 * business time is real elapsed time, never wall-clock subtraction.
 */
const DAY = 86_400_000;
const MINUTE = 60_000;
// A calendar with working time has some within a year (a closure list cannot cover every day for ever).
const SEARCH_LIMIT = 5 * 366 * DAY;

export type Interval = { start: number; end: number };

// Whether a day is a working day depends only on the calendar's days, closures and country;
// memoised per such signature (calendars are rebuilt per merchant, their signatures repeat), since
// the SLA recompute asks it for every day of every interval of 100,000 merchants.
const signatures = new WeakMap<BusinessCalendar, string>();
const workingDays = new Map<string, Map<number, boolean>>();

function isWorkingDay(dayNumber: number, calendar: BusinessCalendar): boolean {
  let signature = signatures.get(calendar);
  if (signature === undefined) {
    signature = `${calendar.days.join(",")}|${calendar.country ?? ""}|${(calendar.closed ?? []).join(",")}`;
    signatures.set(calendar, signature);
  }
  let days = workingDays.get(signature);
  if (!days) {
    if (workingDays.size > 1_000) workingDays.clear();
    workingDays.set(signature, (days = new Map()));
  }
  let working = days.get(dayNumber);
  if (working === undefined) days.set(dayNumber, (working = computeWorkingDay(dayNumber, calendar)));
  return working;
}

function computeWorkingDay(dayNumber: number, calendar: BusinessCalendar): boolean {
  const date = new Date(dayNumber * DAY);
  if (!calendar.days.includes(WEEKDAYS[date.getUTCDay()]!)) return false;
  const iso = date.toISOString().slice(0, 10);
  if (calendar.closed?.includes(iso)) return false;
  return !calendar.country || !publicHolidays(calendar.country, date.getUTCFullYear()).has(iso);
}

/** The working instants in [from, to) (epoch ms) as disjoint intervals, in order. */
export function* workingIntervals(from: number, to: number, calendar: BusinessCalendar): Generator<Interval> {
  const { start: open, end: close } = calendar.hours;
  for (const run of offsetRuns(from, to, calendar.timeZone)) {
    // Wall clock as if it were UTC: local midnight of a date is a multiple of DAY.
    const wallStart = run.start + run.offsetMs;
    const wallEnd = run.end + run.offsetMs;
    for (let day = Math.floor(wallStart / DAY); day * DAY < wallEnd; day++) {
      if (!isWorkingDay(day, calendar)) continue;
      const start = Math.max(wallStart, day * DAY + open * MINUTE);
      const end = Math.min(wallEnd, day * DAY + close * MINUTE);
      if (start < end) yield { start: start - run.offsetMs, end: end - run.offsetMs };
    }
  }
}

/** Business milliseconds in [from, to); 0 when to <= from. */
export function businessMilliseconds(from: Date, to: Date, calendar: BusinessCalendar): number {
  let total = 0;
  for (const { start, end } of workingIntervals(from.getTime(), to.getTime(), calendar)) total += end - start;
  return total;
}

/** Whole business seconds in [from, to); 0 when to <= from. */
export function businessSeconds(from: Date, to: Date, calendar: BusinessCalendar): number {
  return Math.floor(businessMilliseconds(from, to, calendar) / 1000);
}

/**
 * The earliest instant `due` with businessSeconds(from, due) = seconds: a target's due time. A
 * target that ends exactly at closing time is due at closing time, not at the next opening.
 */
export function addBusinessSeconds(from: Date, seconds: number, calendar: BusinessCalendar): Date {
  let remaining = Math.round(seconds * 1000);
  if (remaining <= 0) return new Date(from);
  for (const { start, end } of workingIntervals(from.getTime(), from.getTime() + SEARCH_LIMIT, calendar)) {
    if (remaining <= end - start) return new Date(start + remaining);
    remaining -= end - start;
  }
  throw new RangeError("The calendar has no working time within five years of the start.");
}
