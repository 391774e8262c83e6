import { and, gt, inArray, isNull, lt, or, sql as dsql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { platformIncidents } from "@/db/schema";
import type { IncidentSpan, StepClockRow } from "./step-clock-rows";

/**
 * Reading the facts the clocks are derived from, and writing the derived rows, for a set of
 * merchants: shared by the per-event refresh and the full recompute.
 */
export { CLOCK_EVENT_TYPES, isClockEvent, loadClockEvents } from "./load-clock-events";

/** Platform incidents that were open at some point after `since` (few rows: one per outage). */
export async function loadIncidents(tx: Tx, since: Date): Promise<IncidentSpan[]> {
  const rows = await tx
    .select({ start: platformIncidents.openedAt, end: platformIncidents.closedAt })
    .from(platformIncidents)
    .where(
      and(
        or(isNull(platformIncidents.closedAt), gt(platformIncidents.closedAt, since)),
        lt(platformIncidents.openedAt, dsql`now()`),
      ),
    );
  return rows;
}

/**
 * Replaces the merchants' rows: one delete, one insert of a JSON array (one parameter, any size);
 * and stores each merchant's Waiting anchor (the queue's Waiting sort) in the same statement.
 */
export async function writeClockRows(
  tx: Tx,
  merchantIds: string[],
  rows: (StepClockRow & { merchantId: string })[],
  computedAt: Date,
  anchors: { merchantId: string; at: Date | null }[],
) {
  const json = rows.map((r) => ({
    merchant_id: r.merchantId,
    step: r.step,
    owner: r.owner,
    policy_version: r.policyVersion,
    started_at: r.startedAt.toISOString(),
    completed_at: r.completedAt?.toISOString() ?? null,
    cancelled_at: r.cancelledAt?.toISOString() ?? null,
    agency_work_seconds: r.agencyWorkSeconds,
    merchant_wait_seconds: r.merchantWaitSeconds,
    hold_seconds: r.holdSeconds,
    holds: r.holds,
    target_seconds: r.targetSeconds,
    warn_at: r.warnAt?.toISOString() ?? null,
    due_at: r.dueAt?.toISOString() ?? null,
    cause: r.cause,
    incident_seconds: r.incidentSeconds,
    computed_at: computedAt.toISOString(),
  }));
  // One round trip (a step completion waits on it): upsert the new rows, delete the merchant's
  // rows for steps no longer reached (an undo). Both see the same snapshot, hence not delete-all.
  const updates = dsql.raw(UPDATED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(", "));
  await tx.execute(dsql`with fresh as (
      select * from jsonb_populate_recordset(null::sla_step_clocks, ${JSON.stringify(json)}::jsonb)),
    gone as (delete from sla_step_clocks c where ${inArray(dsql`c.merchant_id`, merchantIds)}
      and not exists (select 1 from fresh f where f.merchant_id = c.merchant_id and f.step = c.step)),
    anchored as (update merchants m set waiting_anchor_at = a.at
      from jsonb_to_recordset(${JSON.stringify(anchors.map((a) => ({ id: a.merchantId, at: a.at?.toISOString() ?? null })))}::jsonb)
        as a(id uuid, at timestamptz)
      where m.id = a.id and m.waiting_anchor_at is distinct from a.at)
    insert into sla_step_clocks select * from fresh
    on conflict (merchant_id, step) do update set ${updates}`);
}

const UPDATED_COLUMNS = [
  "owner",
  "policy_version",
  "started_at",
  "completed_at",
  "cancelled_at",
  "agency_work_seconds",
  "merchant_wait_seconds",
  "hold_seconds",
  "holds",
  "target_seconds",
  "warn_at",
  "due_at",
  "cause",
  "incident_seconds",
  "computed_at",
];
