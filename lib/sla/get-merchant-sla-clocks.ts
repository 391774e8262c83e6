import "server-only";
import { lookupDb } from "@/db/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { Step } from "@/lib/pipeline/steps";
import { parseId } from "@/lib/validation/parse-id";
import { stepClocks, type StepClock } from "./clocks";
import { clockIntervals } from "./intervals";
import { loadClockFacts } from "./clock-facts";
import { countryTimeZones } from "./merchant-time-zone";
import { openStepSla, type OpenStepSla } from "./open-step-sla";
import { policyInForce } from "./policy";
import type { BusinessCalendar } from "./calendar";
import { calendarInput, merchantCalendar } from "./sla-context";

export type MerchantSlaClocks = {
  timeZone: string;
  /** The zones the merchant's country uses, for the zone picker. */
  zoneChoices: string[];
  agencyTimeZone: string;
  /** The merchant's working hours and days, and whether they are the default (nothing stored). */
  hours: BusinessCalendar["hours"];
  days: BusinessCalendar["days"];
  defaultHours: boolean;
  /** Per step worked on, with the target of the policy version in force when the step started. */
  steps: (StepClock & { policyVersion: number; agencyTarget: number | null; merchantExpected: number | null })[];
  open: OpenStepSla | null;
};

/** The workspace's clocks: each step's agency work, merchant wait and hold (with reasons), its target, the open step's due time. */
export async function getMerchantSlaClocks(
  actor: Actor,
  merchantId: string,
  now = new Date(),
): Promise<MerchantSlaClocks> {
  authorize(actor, "merchant:read");
  parseId(merchantId, "Merchant");
  // The clock refresh's facts statement (one prepared round trip): the merchant's stage, calendar
  // and clock events, the agency calendar and the policy versions.
  const facts = await loadClockFacts(lookupDb, { merchantId }, now);
  const m = facts.merchants[0];
  if (!m) throw new NotFoundError("Merchant");
  const { agency, policies } = facts;
  const intervals = clockIntervals(m.events, now);
  const started = new Map<Step, Date>();
  for (const i of intervals) if (!started.has(i.stage)) started.set(i.stage, i.start);
  const calendar = merchantCalendar(calendarInput(m.calendar));
  const steps = stepClocks(intervals, { agency, merchant: calendar }).map((clock) => {
    const policy = policyInForce(policies, started.get(clock.stage) ?? now);
    return {
      ...clock,
      policyVersion: policy.version,
      agencyTarget: policy.agencyTargets[clock.stage] ?? null,
      merchantExpected: policy.merchantExpected[clock.stage] ?? null,
    };
  });
  return {
    timeZone: calendar.timeZone,
    zoneChoices: countryTimeZones(m.calendar.country),
    agencyTimeZone: agency.timeZone,
    hours: calendar.hours,
    days: calendar.days,
    defaultHours: (m.calendar.workingHoursStart ?? null) === null && (m.calendar.workingDays ?? null) === null,
    steps,
    open: openStepSla(intervals, m.stage, policies, agency),
  };
}
