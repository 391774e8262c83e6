import { addBusinessSeconds, workingIntervals, type Interval } from "@/lib/sla/business-time";
import type { BusinessCalendar } from "@/lib/sla/calendar";

/** The three questions the reminder policy asks of a merchant's calendar. */
export type BusinessClock = {
  addBusinessSeconds(from: Date, seconds: number): Date;
  isWithinBusinessHours(at: Date): boolean;
  nextBusinessInstant(at: Date): Date;
};

const DAY = 86_400_000;

/** Straight from the SLA business-time functions: for one-off questions (the workspace preview). */
export function calendarClock(calendar: BusinessCalendar): BusinessClock {
  return {
    addBusinessSeconds: (from, seconds) => addBusinessSeconds(from, seconds, calendar),
    isWithinBusinessHours(at) {
      const t = at.getTime();
      for (const interval of workingIntervals(t, t + 1, calendar)) if (interval.start <= t) return true;
      return false;
    },
    nextBusinessInstant(at) {
      const t = at.getTime();
      const first = workingIntervals(t, t + 400 * DAY, calendar).next();
      if (first.done) throw new RangeError("The calendar has no working time within 400 days.");
      return new Date(Math.max(first.value.start, t));
    },
  };
}

/**
 * The same answers from the calendar's working intervals over [from, to), computed once: the
 * planner asks them for 100,000 merchants that share a handful of calendars, and walking time
 * zones per merchant was most of its time. Questions outside the table go to `calendarClock`.
 */
export function tabulatedClock(calendar: BusinessCalendar, from: Date, to: Date): BusinessClock {
  const lo = from.getTime();
  const hi = to.getTime();
  const intervals: Interval[] = [...workingIntervals(lo, hi, calendar)];
  const slow = calendarClock(calendar);
  // Index of the first interval ending after t.
  const firstEndingAfter = (t: number) => {
    let a = 0;
    let b = intervals.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (intervals[mid]!.end <= t) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  return {
    addBusinessSeconds(start, seconds) {
      const t = start.getTime();
      if (t < lo) return slow.addBusinessSeconds(start, seconds);
      let remaining = Math.round(seconds * 1000);
      if (remaining <= 0) return new Date(t);
      for (let i = firstEndingAfter(t); i < intervals.length; i++) {
        const begin = Math.max(intervals[i]!.start, t);
        const length = intervals[i]!.end - begin;
        if (remaining <= length) return new Date(begin + remaining);
        remaining -= length;
      }
      return slow.addBusinessSeconds(start, seconds);
    },
    isWithinBusinessHours(at) {
      const t = at.getTime();
      if (t < lo || t >= hi) return slow.isWithinBusinessHours(at);
      const interval = intervals[firstEndingAfter(t)];
      return !!interval && interval.start <= t;
    },
    nextBusinessInstant(at) {
      const t = at.getTime();
      const interval = t >= lo ? intervals[firstEndingAfter(t)] : undefined;
      return interval ? new Date(Math.max(interval.start, t)) : slow.nextBusinessInstant(at);
    },
  };
}
