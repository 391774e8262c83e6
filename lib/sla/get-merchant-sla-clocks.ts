import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { Step } from "@/lib/pipeline/steps";
import { parseId } from "@/lib/validation/parse-id";
import { stepClocks, type StepClock } from "./clocks";
import { clockIntervals } from "./intervals";
import { loadClockEvents } from "./load-clock-events";
import { countryTimeZones } from "./merchant-time-zone";
import { openStepSla, type OpenStepSla } from "./open-step-sla";
import { policyInForce } from "./policy";
import type { BusinessCalendar } from "./calendar";
import {
  calendarInput,
  loadAgencyCalendar,
  loadSlaPolicies,
  merchantCalendar,
  merchantCalendarColumns,
} from "./sla-context";

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
  // All four need only the id: one round trip instead of two (the workspace shows this card on every view).
  const [[m], events, agency, policies] = await Promise.all([
    db
      .select({ ...merchantCalendarColumns, stage: merchants.currentStage })
      .from(merchants)
      .where(eq(merchants.id, merchantId))
      .prepare("sla_clocks_merchant")
      .execute(),
    loadClockEvents(db, [merchantId]),
    loadAgencyCalendar(),
    loadSlaPolicies(),
  ]);
  if (!m) throw new NotFoundError("Merchant");
  const intervals = clockIntervals(events.get(merchantId) ?? [], now);
  const started = new Map<Step, Date>();
  for (const i of intervals) if (!started.has(i.stage)) started.set(i.stage, i.start);
  const calendar = merchantCalendar(calendarInput(m));
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
    timeZone: m.timeZone,
    zoneChoices: countryTimeZones(m.country),
    agencyTimeZone: agency.timeZone,
    hours: calendar.hours,
    days: calendar.days,
    defaultHours: m.workingHoursStart === null && m.workingDays === null,
    steps,
    open: openStepSla(intervals, m.stage, policies, agency),
  };
}
