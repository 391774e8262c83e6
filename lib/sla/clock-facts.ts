import { sql as dsql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { compileStatement, executeCompiled } from "@/db/execute-prepared";
import type { SlaAgencyCalendarRow } from "@/db/schema";
import { STEPS, type Step } from "@/lib/pipeline/steps";
import type { BusinessCalendar } from "./calendar";
import type { ClockEvent } from "./intervals";
import { CLOCK_EVENT_TYPES } from "./load-clock-events";
import { DEFAULT_SLA_POLICY, type SlaPolicy } from "./policy";
import {
  agencyCalendarFromRow,
  DEFAULT_AGENCY_CALENDAR,
  MERCHANT_CALENDAR_JSON,
  type MerchantCalendarColumns,
} from "./sla-context";
import type { IncidentSpan } from "./step-clock-rows";

/**
 * Everything a merchant's clocks are derived from, read in ONE query returning one JSON value:
 * the agency calendar, the policy versions, the platform incidents, and per merchant its current
 * step, its calendar input and its clock events. The per-event refresh reads one merchant inside
 * the event's transaction (it must not take a second pool connection while that transaction
 * holds one: under load every connection can be such a transaction, and they would wait on each
 * other for ever); the full recompute reads a batch of merchants, locking their rows.
 */
export type MerchantClockFacts = {
  id: string;
  stage: Step | null;
  calendar: MerchantCalendarColumns;
  events: ClockEvent[];
};
export type ClockFacts = {
  agency: BusinessCalendar;
  policies: SlaPolicy[];
  incidents: IncidentSpan[];
  merchants: MerchantClockFacts[];
};

/** One merchant (its row already locked by the caller), or the merchants in the id range (after, through], locked (no upper end when `through` is null). */
export type FactsSelection = { merchantId: string } | { after: string; through: string | null };

type AgencyJson = Pick<
  SlaAgencyCalendarRow,
  "timeZone" | "days" | "hoursStart" | "hoursEnd" | "country" | "closedDates"
>;
type PolicyJson = Omit<SlaPolicy, "effectiveFrom"> & { effectiveFrom: string };
// Events as [type, stage, note, undone, epoch ms]: arrays and numbers parse faster than objects and dates.
type EventJson = [ClockEvent["type"], Step | null, string | null, unknown, number];
type FactsJson = {
  agency: AgencyJson | null;
  policies: PolicyJson[] | null;
  incidents: [number, number | null][] | null;
  merchants: { id: string; stage: Step | null; calendar: MerchantCalendarColumns; events: EventJson[] | null }[] | null;
};

const epochMs = (column: string) => `floor(extract(epoch from ${column}) * 1000)::float8`;

function chosenMerchants(one: boolean): SQL {
  if (one) return dsql`select * from merchants where id = ${dsql.placeholder("merchantId")}`;
  return dsql`select * from merchants where id > ${dsql.placeholder("after")}::uuid
    and (${dsql.placeholder("through")}::uuid is null or id <= ${dsql.placeholder("through")}::uuid)
    order by id for update`;
}

// Built once per selection kind (its text never varies): a step completion waits on this read,
// and building it from the template cost more CPU than parsing its answer (decision 0043).
function factsStatement(one: boolean) {
  const types = dsql.raw(`'{${CLOCK_EVENT_TYPES.join(",")}}'::merchant_event_type[]`);
  return compileStatement(dsql`
    with m as materialized (${chosenMerchants(one)}),
    -- Per merchant, its events through the (merchant_id, created_at) index: a batch reads its own
    -- merchants' events, never a scan of the whole table.
    f as materialized (
      select m.id, m.current_stage as stage, ${MERCHANT_CALENDAR_JSON} as calendar, ev.events, ev.first_at from m
      left join lateral (
        select json_agg(json_build_array(e.type, e.stage, e.note,
            case when e.type = 'rekey_opened' then e.evidence -> 'undone' end, ${dsql.raw(epochMs("e.created_at"))})
          order by e.created_at, e.id) as events, min(e.created_at) as first_at
        from merchant_events e where e.merchant_id = m.id and e.type = any(${types})) ev on true)
    select json_build_object(
      'agency', (select json_build_object('timeZone', c.time_zone, 'days', c.days, 'hoursStart', c.hours_start,
          'hoursEnd', c.hours_end, 'country', c.country, 'closedDates', c.closed_dates) from sla_agency_calendar c limit 1),
      'policies', (select json_agg(json_build_object('version', p.version, 'effectiveFrom', p.effective_from,
          'agencyTargets', p.agency_targets, 'merchantExpected', p.merchant_expected,
          'endToEndSeconds', p.end_to_end_seconds) order by p.version) from sla_policies p),
      'incidents', (select json_agg(json_build_array(${dsql.raw(epochMs("opened_at"))}, ${dsql.raw(epochMs("closed_at"))}))
        from platform_incidents where opened_at < ${dsql.placeholder("now")}::timestamptz
          and (closed_at is null or closed_at > (select min(first_at) from f))),
      'merchants', (select json_agg(json_build_object('id', id, 'stage', stage, 'calendar', calendar, 'events', events)
        order by id) from f)) as facts`);
}
const ONE_MERCHANT = factsStatement(true);
const BATCH = factsStatement(false);

/** Inside the caller's transaction (a `Tx`), or on its own (a `Db`: the workspace's clocks card). */
export async function loadClockFacts(runner: Tx | Db, selection: FactsSelection, now: Date): Promise<ClockFacts> {
  const [statement, values] =
    "merchantId" in selection
      ? [ONE_MERCHANT, { merchantId: selection.merchantId }]
      : [BATCH, { after: selection.after, through: selection.through }];
  // Prepared: one round trip instead of a describe and then the run.
  const [row] = await executeCompiled<{ facts: FactsJson }>(statement, { ...values, now: now.toISOString() }, runner);
  return parseFacts(row!.facts);
}

function parseFacts(json: FactsJson): ClockFacts {
  const policies = (json.policies ?? []).map((p) => ({ ...p, effectiveFrom: new Date(p.effectiveFrom) }));
  return {
    agency: json.agency ? agencyCalendarFromRow(json.agency) : DEFAULT_AGENCY_CALENDAR,
    policies: policies.length ? policies : [DEFAULT_SLA_POLICY],
    incidents: (json.incidents ?? []).map(([start, end]) => ({
      start: new Date(start),
      end: end === null ? null : new Date(end),
    })),
    merchants: (json.merchants ?? []).map((m) => ({
      id: m.id,
      stage: m.stage,
      calendar: m.calendar,
      events: (m.events ?? []).map(([type, stage, note, undone, at]) => ({
        type,
        stage,
        note,
        // A re-key hands the steps it reopened back to the merchant (as load-clock-events.ts reads them).
        undone: Array.isArray(undone) ? undone.filter((s): s is Step => STEPS.includes(s)) : null,
        at: new Date(at),
      })),
    })),
  };
}
