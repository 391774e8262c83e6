import "server-only";
import { asc, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { slaAgencyCalendar, slaPolicies, type SlaAgencyCalendarRow, type SlaPolicyRow } from "@/db/schema";
import { DEFAULT_AGENCY_TIME_ZONE } from "@/lib/time";
import { DEFAULT_DAYS, WEEKDAYS, type BusinessCalendar, type Weekday } from "./calendar";
import type { Calendars } from "./clocks";
import { defaultTimeZone } from "./merchant-time-zone";
import { DEFAULT_SLA_POLICY, policyInForce, type SlaPolicy } from "./policy";

/**
 * What an SLA figure is computed against: the agency calendar (table `sla_agency_calendar`, one
 * row, edited on /admin/sla), each merchant's calendar (its country and stored `time_zone`, default
 * hours) and the policy versions (table `sla_policies`). Callers go through these functions.
 * Readers that take a `tx` see the caller's transaction (the refresh after a write does).
 */
export type MerchantCalendarInput = { country: string; timeZone?: string | null };
/** The same input as SQL over a `merchants` row aliased `m` (the clock facts query reads it as JSON). */
export const MERCHANT_CALENDAR_JSON = sql`json_build_object('country', m.country, 'timeZone', m.time_zone)`;
type Reader = Pick<Tx, "select">;

export const DEFAULT_AGENCY_CALENDAR: BusinessCalendar = {
  timeZone: DEFAULT_AGENCY_TIME_ZONE,
  days: DEFAULT_DAYS,
  hours: { start: 9 * 60, end: 17 * 60 + 30 },
  country: "NL",
  closed: [],
};

export function agencyCalendarFromRow(
  row: Pick<SlaAgencyCalendarRow, "timeZone" | "days" | "hoursStart" | "hoursEnd" | "country" | "closedDates">,
): BusinessCalendar {
  return {
    timeZone: row.timeZone,
    days: row.days.filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)),
    hours: { start: row.hoursStart, end: row.hoursEnd },
    country: row.country.trim() || null,
    closed: [...row.closedDates].sort(),
  };
}

/** The stored agency calendar (the migration creates its row; the default if it is missing). */
export async function loadAgencyCalendar(reader: Reader = db): Promise<BusinessCalendar> {
  const [row] = await reader.select().from(slaAgencyCalendar).limit(1);
  return row ? agencyCalendarFromRow(row) : DEFAULT_AGENCY_CALENDAR;
}

export function merchantCalendar(merchant: MerchantCalendarInput): BusinessCalendar {
  return {
    timeZone: merchant.timeZone ?? defaultTimeZone(merchant.country, DEFAULT_AGENCY_TIME_ZONE),
    days: DEFAULT_DAYS,
    hours: { start: 9 * 60, end: 17 * 60 + 30 },
    country: merchant.country,
    closed: [],
  };
}

export async function calendarsFor(merchant: MerchantCalendarInput, reader: Reader = db): Promise<Calendars> {
  return { agency: await loadAgencyCalendar(reader), merchant: merchantCalendar(merchant) };
}

export function policyFromRow(row: SlaPolicyRow): SlaPolicy {
  return {
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    agencyTargets: row.agencyTargets as SlaPolicy["agencyTargets"],
    merchantExpected: row.merchantExpected as SlaPolicy["merchantExpected"],
    endToEndSeconds: row.endToEndSeconds,
  };
}

/** Every policy version, oldest first; a step is judged by the last one in force when it started. */
export async function loadSlaPolicies(reader: Reader = db): Promise<SlaPolicy[]> {
  const rows = await reader.select().from(slaPolicies).orderBy(asc(slaPolicies.version));
  return rows.length ? rows.map(policyFromRow) : [DEFAULT_SLA_POLICY];
}

/** The version in force at `at` (pure; lives in policy.ts so client-safe code can use it). */
export { policyInForce };
