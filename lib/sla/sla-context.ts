import "server-only";
import { DEFAULT_AGENCY_TIME_ZONE } from "@/lib/time";
import { DEFAULT_DAYS, type BusinessCalendar } from "./calendar";
import type { Calendars } from "./clocks";
import { DEFAULT_SLA_POLICY, type SlaPolicy } from "./policy";

/**
 * What an SLA figure is computed against: the agency calendar, each merchant's calendar and the
 * policy versions. Placeholder until calendars and policies are stored: built-in defaults, the
 * merchant calendar from its country in the agency's zone. Callers go through these functions
 * so the stored versions slot in without touching them.
 */
export type MerchantCalendarInput = { country: string; timeZone?: string | null };

export const DEFAULT_AGENCY_CALENDAR: BusinessCalendar = {
  timeZone: DEFAULT_AGENCY_TIME_ZONE,
  days: DEFAULT_DAYS,
  hours: { start: 9 * 60, end: 17 * 60 + 30 },
  country: "NL",
  closed: [],
};

export async function loadAgencyCalendar(): Promise<BusinessCalendar> {
  return DEFAULT_AGENCY_CALENDAR;
}

export function merchantCalendar(merchant: MerchantCalendarInput): BusinessCalendar {
  return {
    timeZone: merchant.timeZone ?? DEFAULT_AGENCY_TIME_ZONE,
    days: DEFAULT_DAYS,
    hours: { start: 9 * 60, end: 17 * 60 + 30 },
    country: merchant.country,
    closed: [],
  };
}

export async function calendarsFor(merchant: MerchantCalendarInput): Promise<Calendars> {
  return { agency: await loadAgencyCalendar(), merchant: merchantCalendar(merchant) };
}

/** Every policy version, oldest first; a step is judged by the last one in force when it started. */
export async function loadSlaPolicies(): Promise<SlaPolicy[]> {
  return [DEFAULT_SLA_POLICY];
}

export function policyInForce(policies: readonly SlaPolicy[], at: Date): SlaPolicy {
  let chosen = policies[0] ?? DEFAULT_SLA_POLICY;
  for (const policy of policies) if (policy.effectiveFrom <= at) chosen = policy;
  return chosen;
}
