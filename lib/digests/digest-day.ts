import type { BusinessCalendar } from "@/lib/sla/calendar";
import { workingIntervals } from "@/lib/sla/business-time";
import { isoWeekOf, parseLocalDate, toLocalDateTimeValue, wallClockToInstant } from "@/lib/time";

/** Digests go out from 08:00 in the recipient's own zone. */
export const DIGEST_HOUR = 8;

/**
 * The recipient's working day that `now` falls on, judged in their own zone: a day the agency
 * calendar works (its weekdays, closure dates and national holidays, applied to the recipient's
 * local date) with its hours read on the recipient's wall clock. `opensAt` is 08:00 local (DST
 * handled by the calendar module), `closesAt` the end of the working hours (17:30 by default):
 * what "today" means for "what you owe today" and when a morning digest is too late to send.
 * Null on a day off. Pure.
 */
export type DigestDay = { localDate: string; isoWeek: string; opensAt: Date; closesAt: Date };

export function digestDay(now: Date, zone: string, agency: BusinessCalendar): DigestDay | null {
  const localDate = toLocalDateTimeValue(now, zone).slice(0, 10);
  const day = parseLocalDate(localDate, zone);
  if (!day) return null;
  let closesAt: number | null = null;
  for (const interval of workingIntervals(day.start.getTime(), day.end.getTime(), { ...agency, timeZone: zone }))
    closesAt = interval.end;
  if (closesAt === null) return null;
  const [year, month, date] = localDate.split("-").map(Number) as [number, number, number];
  const { instant: opensAt } = wallClockToInstant({ year, month, day: date, hour: DIGEST_HOUR, minute: 0 }, zone);
  return { localDate, isoWeek: isoWeekOf(localDate), opensAt, closesAt: new Date(closesAt) };
}
