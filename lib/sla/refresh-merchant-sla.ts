import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchants } from "@/db/schema";
import type { Step } from "@/lib/pipeline/steps";
import { clockIntervals, type ClockEvent } from "./intervals";
import { CLOCK_EVENT_TYPES } from "./load-clock-events";
import { openStepSla, type OpenStepSla } from "./open-step-sla";
import type { SlaPolicy } from "./policy";
import { agencyCalendarFromRow, DEFAULT_AGENCY_CALENDAR } from "./sla-context";

type Snapshot = {
  stage: Step | null;
  calendar: {
    time_zone: string;
    days: string[];
    hours_start: number;
    hours_end: number;
    country: string;
    closed_dates: string[];
  } | null;
  policies:
    | {
        version: number;
        effective_from: string;
        agency_targets: never;
        merchant_expected: never;
        end_to_end_seconds: number;
      }[]
    | null;
  events:
    | {
        type: ClockEvent["type"];
        stage: Step | null;
        note: string | null;
        evidence: { undone?: Step[] } | null;
        at: string;
      }[]
    | null;
};

/**
 * Rewrites a merchant's stored `sla_due_at` / `sla_warn_at` from its events, in the caller's
 * transaction: the stage machine calls it after every event that moves a clock, so /queue can sort
 * and filter by time to breach in SQL. One round trip reads the merchant's step, its clock events,
 * the agency calendar and the policy versions (it runs inside every step completion), one writes.
 */
export async function refreshMerchantSla(
  tx: Tx,
  merchantId: string,
  now: Date = new Date(),
): Promise<OpenStepSla | null> {
  const types = `{${CLOCK_EVENT_TYPES.join(",")}}`;
  const [snapshot] = (await tx.execute(sql`
    select
      (select current_stage from merchants where id = ${merchantId}) as stage,
      (select row_to_json(c) from sla_agency_calendar c limit 1) as calendar,
      (select json_agg(p order by p.version) from sla_policies p) as policies,
      (select json_agg(json_build_object('type', e.type, 'stage', e.stage, 'note', e.note, 'evidence', e.evidence,
         'at', e.created_at) order by e.created_at, e.id)
         from merchant_events e where e.merchant_id = ${merchantId} and e.type::text = any(${types}::text[])) as events
  `)) as unknown as Snapshot[];
  if (!snapshot) return null;
  const agency = snapshot.calendar
    ? agencyCalendarFromRow({
        timeZone: snapshot.calendar.time_zone,
        days: snapshot.calendar.days,
        hoursStart: snapshot.calendar.hours_start,
        hoursEnd: snapshot.calendar.hours_end,
        country: snapshot.calendar.country,
        closedDates: snapshot.calendar.closed_dates,
      } as Parameters<typeof agencyCalendarFromRow>[0])
    : DEFAULT_AGENCY_CALENDAR;
  const policies: SlaPolicy[] = (snapshot.policies ?? []).map((p) => ({
    version: p.version,
    effectiveFrom: new Date(p.effective_from),
    agencyTargets: p.agency_targets,
    merchantExpected: p.merchant_expected,
    endToEndSeconds: p.end_to_end_seconds,
  }));
  const history: ClockEvent[] = (snapshot.events ?? []).map((e) => ({
    type: e.type,
    stage: e.stage,
    note: e.note,
    undone: e.type === "rekey_opened" && Array.isArray(e.evidence?.undone) ? e.evidence.undone : null,
    at: new Date(e.at),
  }));
  // An event written at `now` must open its interval, so the clock is read a moment later.
  const lastAt = history.at(-1)?.at.getTime() ?? 0;
  const intervals = clockIntervals(history, new Date(Math.max(now.getTime(), lastAt) + 1));
  const sla = openStepSla(intervals, snapshot.stage, policies, agency);
  await tx
    .update(merchants)
    .set({ slaDueAt: sla?.dueAt ?? null, slaWarnAt: sla?.warnAt ?? null })
    .where(eq(merchants.id, merchantId));
  return sla;
}
