import Holidays from "date-holidays";
import { z } from "zod";
import { DEFAULT_AGENCY_TIME_ZONE, timeZoneSchema } from "@/lib/time";

/**
 * A business calendar: when someone is expected to work, in their own zone. Working time is a
 * weekday in `days`, not a national public holiday of `country`, not a `closed` date, between
 * `hours` (wall clock). See docs/decisions/0020-sla-business-calendars.md.
 */
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type BusinessCalendar = {
  timeZone: string;
  days: readonly Weekday[];
  /** Minutes after local midnight; start < end, end up to 1440 (24:00). */
  hours: { start: number; end: number };
  /** ISO 3166-1 alpha-2; its national public holidays are not working days. */
  country?: string | null;
  /** Local dates (YYYY-MM-DD) on which nobody works. */
  closed?: readonly string[];
};

export const DEFAULT_DAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
export const DEFAULT_HOURS = "09:00-17:30";

const clock = (value: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
};

/** "09:00-17:30" → minutes; 24:00 only as the end; start before end. */
export const hoursSchema = z.string().transform((value, ctx) => {
  const [start, end, extra] = value.trim().split("-").map(clock);
  if (start === null || end === null || start === undefined || end === undefined || extra !== undefined) {
    ctx.addIssue({ code: "custom", message: `hours must be HH:MM-HH:MM (e.g. ${DEFAULT_HOURS}), got ${value}` });
    return z.NEVER;
  }
  if (start >= 1440 || start >= end) {
    ctx.addIssue({ code: "custom", message: `hours must start before they end (00:00 to 24:00), got ${value}` });
    return z.NEVER;
  }
  return { start, end };
});

export const daysSchema = z
  .string()
  .transform((value) => value.split(",").map((d) => d.trim().toLowerCase()))
  .pipe(
    z
      .array(z.enum(WEEKDAYS, { error: "days must be weekdays such as mon,tue,wed,thu,fri" }))
      .min(1)
      .transform((days) => [...new Set(days)]),
  );

const isDate = (value: string) => {
  const d = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
};
export const closedSchema = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().refine(isDate, "closed dates must be YYYY-MM-DD")));

const countryNames = new Holidays().getCountries("en");
export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{2}$/.test(code) && code in countryNames, "country must be a known ISO 3166-1 alpha-2 code");

export const calendarSchema = z.object({
  timeZone: timeZoneSchema.default(DEFAULT_AGENCY_TIME_ZONE),
  days: daysSchema.prefault(DEFAULT_DAYS.join(",")),
  hours: hoursSchema.prefault(DEFAULT_HOURS),
  country: countrySchema.optional(),
  closed: closedSchema.prefault(""),
});

/** Parse a calendar given as strings (command line, form, stored row); throws a ZodError. */
export function parseCalendar(input: z.input<typeof calendarSchema>): BusinessCalendar {
  return calendarSchema.parse(input);
}

// Holiday dates per country and year; pure (the data ships with date-holidays), so a cache is safe.
const holidayCache = new Map<string, ReadonlySet<string>>();

/** The local dates (YYYY-MM-DD) of `country`'s national public holidays in `year`. */
export function publicHolidays(country: string, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let dates = holidayCache.get(key);
  if (!dates) {
    const holidays = new Holidays(country).getHolidays(year) || [];
    dates = new Set(holidays.filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
    holidayCache.set(key, dates);
  }
  return dates;
}
