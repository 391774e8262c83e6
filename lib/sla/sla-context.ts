import "server-only";
import { asc, sql } from "drizzle-orm";
import { cache } from "react";
import { db, type Tx } from "@/db/client";
import { merchants, slaAgencyCalendar, slaPolicies, type SlaAgencyCalendarRow, type SlaPolicyRow } from "@/db/schema";
import { DEFAULT_AGENCY_TIME_ZONE } from "@/lib/time";
import { DEFAULT_DAYS, type BusinessCalendar } from "./calendar";
import type { Calendars } from "./clocks";
import { knownWeekdays, merchantCalendar, type MerchantCalendarInput } from "./merchant-calendar";
import { DEFAULT_SLA_POLICY, policyInForce, type SlaPolicy } from "./policy";

/**
 * What an SLA figure is computed against: the agency calendar (table `sla_agency_calendar`, one
 * row, edited on /admin/sla), each merchant's calendar (its country, stored `time_zone` and working
 * hours and days: lib/sla/merchant-calendar.ts) and the policy versions (table `sla_policies`). Callers go through these functions.
 * Readers that take a `tx` see the caller's transaction (the refresh after a write does).
 */
/** `calendarInput`'s columns as SQL over a `merchants` row aliased `m` (the clock facts query reads it as JSON). */
export const MERCHANT_CALENDAR_JSON = sql`json_build_object('country', m.country, 'timeZone', m.time_zone,
  'workingHoursStart', m.working_hours_start, 'workingHoursEnd', m.working_hours_end, 'workingDays', m.working_days)`;
type Reader = Pick<Tx, "select">;

export {
  calendarInput,
  merchantCalendar,
  type MerchantCalendarColumns,
  type MerchantCalendarInput,
} from "./merchant-calendar";

/** The merchant columns `calendarInput` reads, for a drizzle select. */
export const merchantCalendarColumns = {
  country: merchants.country,
  timeZone: merchants.timeZone,
  workingHoursStart: merchants.workingHoursStart,
  workingHoursEnd: merchants.workingHoursEnd,
  workingDays: merchants.workingDays,
};

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
    days: knownWeekdays(row.days),
    hours: { start: row.hoursStart, end: row.hoursEnd },
    country: row.country.trim() || null,
    closed: [...row.closedDates].sort(),
  };
}

/**
 * The stored agency calendar (the migration creates its row; the default if it is missing).
 * Without a reader: read once per request (React `cache`; outside a server render it reads each
 * call), since /queue and the workspace's clocks card both need it on every view.
 */
export async function loadAgencyCalendar(reader?: Reader): Promise<BusinessCalendar> {
  if (!reader) return agencyCalendarThisRequest();
  return toAgencyCalendar(await reader.select().from(slaAgencyCalendar).limit(1));
}

const toAgencyCalendar = ([row]: SlaAgencyCalendarRow[]) =>
  row ? agencyCalendarFromRow(row) : DEFAULT_AGENCY_CALENDAR;

// Named statements: read on most console views (decision 0018).
const agencyCalendarThisRequest = cache(async () =>
  toAgencyCalendar(await db.select().from(slaAgencyCalendar).limit(1).prepare("agency_calendar").execute()),
);

export async function calendarsFor(merchant: MerchantCalendarInput, reader?: Reader): Promise<Calendars> {
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

/**
 * Every policy version, oldest first; a step is judged by the last one in force when it started.
 * Without a reader: once per request, as loadAgencyCalendar.
 */
export async function loadSlaPolicies(reader?: Reader): Promise<SlaPolicy[]> {
  if (!reader) return slaPoliciesThisRequest();
  return toPolicies(await reader.select().from(slaPolicies).orderBy(asc(slaPolicies.version)));
}

const toPolicies = (rows: SlaPolicyRow[]) => (rows.length ? rows.map(policyFromRow) : [DEFAULT_SLA_POLICY]);

const slaPoliciesThisRequest = cache(async () =>
  toPolicies(await db.select().from(slaPolicies).orderBy(asc(slaPolicies.version)).prepare("sla_policies").execute()),
);

/** The version in force at `at` (pure; lives in policy.ts so client-safe code can use it). */
export { policyInForce };
