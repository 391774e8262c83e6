import { DEFAULT_AGENCY_TIME_ZONE } from "@/lib/time";
import { DEFAULT_DAYS, WEEKDAYS, type BusinessCalendar, type Weekday } from "./calendar";
import { defaultTimeZone } from "./merchant-time-zone";

/**
 * A merchant's business calendar: its country's public holidays, its time zone, and its working
 * hours and days (stored on the merchant; null means the default 09:00–17:30 Mon–Fri). Every
 * place that needs one builds it as `merchantCalendar(calendarInput(row))`. Pure.
 */
export type MerchantCalendarInput = {
  country: string;
  timeZone?: string | null;
  /** Stored working hours and days; null or absent means the default 09:00–17:30 Mon–Fri. */
  hours?: { start: number; end: number } | null;
  days?: readonly string[] | null;
};

export const knownWeekdays = (days: readonly string[]) =>
  days.filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));

export const DEFAULT_MERCHANT_HOURS = { start: 9 * 60, end: 17 * 60 + 30 } as const;

/** The one builder of a merchant's calendar: feed it `calendarInput(row)`. */
export function merchantCalendar(merchant: MerchantCalendarInput): BusinessCalendar {
  const days = merchant.days ? knownWeekdays(merchant.days) : [];
  return {
    timeZone: merchant.timeZone ?? defaultTimeZone(merchant.country, DEFAULT_AGENCY_TIME_ZONE),
    days: days.length ? days : DEFAULT_DAYS,
    hours: merchant.hours ? { start: merchant.hours.start, end: merchant.hours.end } : DEFAULT_MERCHANT_HOURS,
    country: merchant.country,
    closed: [],
  };
}

/** A merchant's stored calendar columns (a merchants row, or a JSON row with the same keys). */
export type MerchantCalendarColumns = {
  country: string;
  timeZone?: string | null;
  workingHoursStart?: number | null;
  workingHoursEnd?: number | null;
  workingDays?: readonly string[] | null;
};

/** The calendar input of a merchant row: its country, zone and stored hours and days (null = default). */
export function calendarInput(merchant: MerchantCalendarColumns): MerchantCalendarInput {
  const { workingHoursStart: start, workingHoursEnd: end } = merchant;
  return {
    country: merchant.country,
    timeZone: merchant.timeZone ?? null,
    hours: start != null && end != null ? { start, end } : null,
    days: merchant.workingDays ?? null,
  };
}
