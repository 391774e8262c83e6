import { sql as dsql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { STEPS, type Step } from "@/lib/pipeline/steps";
import type { MerchantEventType } from "@/db/schema";
import { CLOCK_EVENT_TYPES, writeClockRows } from "./clock-rows-store";
import { clockIntervals, type ClockEvent } from "./intervals";
import {
  calendarInput,
  loadAgencyCalendar,
  loadSlaPolicies,
  merchantCalendar,
  type MerchantCalendarColumns,
} from "./sla-context";
import { stepClockRows } from "./step-clock-rows";
import { waitingAnchor } from "./waiting-clock";

type Facts = {
  merchant: MerchantCalendarColumns | null;
  events: { type: MerchantEventType; stage: Step | null; note: string | null; at: string; undone: unknown }[] | null;
  incidents: { start: string; end: string | null }[] | null;
};

/**
 * Recomputes one merchant's `sla_step_clocks` rows from its events, inside the caller's
 * transaction (the one that just wrote a clock-relevant event, see insertEvent in
 * lib/onboarding/merchant-write.ts), so the report never sees an event without its clocks. Two
 * round trips (the facts as one JSON row, then delete + insert in one statement): a step
 * completion waits on it.
 */
export async function refreshMerchantClocks(tx: Tx, merchantId: string, now = new Date()): Promise<void> {
  const types = dsql.join(
    CLOCK_EVENT_TYPES.map((t) => dsql`${t}::merchant_event_type`),
    dsql`, `,
  );
  const [facts] = await tx.execute<Facts>(dsql`
    with ev as (
      select id, type, stage, note, created_at as at,
        case when type = 'rekey_opened' then evidence -> 'undone' end as undone from merchant_events
      where merchant_id = ${merchantId} and type in (${types}))
    select (select jsonb_build_object('country', country, 'timeZone', m.time_zone,
        'workingHoursStart', m.working_hours_start, 'workingHoursEnd', m.working_hours_end, 'workingDays', m.working_days)
        from merchants m where id = ${merchantId}) as merchant,
      (select jsonb_agg(jsonb_build_object('type', type, 'stage', stage, 'note', note, 'at', at, 'undone', undone) order by at, id)
        from ev) as events,
      (select jsonb_agg(jsonb_build_object('start', opened_at, 'end', closed_at)) from platform_incidents
        where opened_at < ${now.toISOString()}::timestamptz
          and (closed_at is null or closed_at > (select min(at) from ev))) as incidents`);
  if (!facts?.merchant) return;
  // A re-key hands the steps it reopened back to the merchant (as load-clock-events.ts reads them).
  const events: ClockEvent[] = (facts.events ?? []).map(({ undone, ...e }) => ({
    ...e,
    at: new Date(e.at),
    undone: Array.isArray(undone) ? undone.filter((s): s is Step => STEPS.includes(s)) : null,
  }));
  const incidents = (facts.incidents ?? []).map((i) => ({
    start: new Date(i.start),
    end: i.end ? new Date(i.end) : null,
  }));
  const [policies, agency] = await Promise.all([loadSlaPolicies(tx), loadAgencyCalendar(tx)]);
  const calendars = { agency, merchant: merchantCalendar(calendarInput(facts.merchant)) };
  const rows = stepClockRows({ events, calendars, policies, incidents, now }).map((row) => ({ ...row, merchantId }));
  const anchor = waitingAnchor(clockIntervals(events, now), calendars);
  await writeClockRows(tx, [merchantId], rows, now, [{ merchantId, at: anchor }]);
}
