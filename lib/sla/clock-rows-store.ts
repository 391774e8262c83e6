import { sql as dsql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { compileStatement, executeCompiled } from "@/db/execute-prepared";
import type { MerchantClockState } from "./merchant-clock-state";
import type { StepClockRow } from "./step-clock-rows";

/**
 * Stores merchants' clock state in ONE statement (a step completion waits on it): the open step's
 * due and warning instants and the Waiting anchor (the queue's Waiting sort) on `merchants`, and the report rows of `sla_step_clocks` (upsert the
 * new rows, delete the rows of steps no longer reached, as after an undo; both see the same
 * snapshot, hence not delete-all). Rows and instants that did not change are not rewritten, so a
 * step completion touches only its open steps' rows and a recompute after a small change writes
 * little; `computed_at` is therefore when a row's figures last changed.
 */
export async function writeClockState(
  tx: Tx,
  states: readonly (MerchantClockState & { merchantId: string })[],
  computedAt: Date,
) {
  const rows = states.flatMap(({ merchantId, rows }) => rows.map((row) => ({ ...row, merchantId })));
  const values: Record<string, string> = {
    ids: pgArray(states.map((s) => s.merchantId)),
    due: pgArray(states.map((s) => iso(s.sla?.dueAt ?? null))),
    warn: pgArray(states.map((s) => iso(s.sla?.warnAt ?? null))),
    anchor: pgArray(states.map((s) => iso(s.waitingAnchor))),
    computedAt: computedAt.toISOString(),
  };
  for (const [name, , value] of ROW_COLUMNS) values[name] = pgArray(rows.map(value));
  await executeCompiled(WRITE_STATEMENT, values, tx);
}

type Row = StepClockRow & { merchantId: string };
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A PostgreSQL array literal: elements quoted (backslash and quote escaped), null as NULL. */
function pgArray(values: readonly (string | number | null)[]): string {
  const element = (v: string | number | null) =>
    v === null ? "NULL" : typeof v === "number" ? String(v) : `"${v.replace(/[\\"]/g, "\\$&")}"`;
  return `{${values.map(element).join(",")}}`;
}

const ROW_COLUMNS: [name: string, type: string, value: (row: Row) => string | number | null][] = [
  ["merchant_id", "uuid", (r) => r.merchantId],
  ["step", "text", (r) => r.step],
  ["owner", "text", (r) => r.owner],
  ["policy_version", "int", (r) => r.policyVersion],
  ["started_at", "timestamptz", (r) => r.startedAt.toISOString()],
  ["completed_at", "timestamptz", (r) => iso(r.completedAt)],
  ["cancelled_at", "timestamptz", (r) => iso(r.cancelledAt)],
  ["agency_work_seconds", "int", (r) => r.agencyWorkSeconds],
  ["merchant_wait_seconds", "int", (r) => r.merchantWaitSeconds],
  ["hold_seconds", "int", (r) => r.holdSeconds],
  ["holds", "jsonb", (r) => JSON.stringify(r.holds)],
  ["target_seconds", "int", (r) => r.targetSeconds],
  ["warn_at", "timestamptz", (r) => iso(r.warnAt)],
  ["due_at", "timestamptz", (r) => iso(r.dueAt)],
  ["cause", "text", (r) => r.cause],
  ["incident_seconds", "int", (r) => r.incidentSeconds],
];

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

/** The statement, built once (its text never varies; the arrays are its placeholders' values). */
const WRITE_STATEMENT = (() => {
  const names = ROW_COLUMNS.map(([name]) => name).join(", ");
  // One array per column, unnested: PostgreSQL parses these far faster than a JSON document of rows.
  const columns = dsql.join(
    ROW_COLUMNS.map(([name, type]) => dsql`${dsql.placeholder(name)}::${dsql.raw(type)}[]`),
    dsql`, `,
  );
  const updates = dsql.raw(UPDATED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(", "));
  const figures = UPDATED_COLUMNS.filter((c) => c !== "computed_at");
  const changed = dsql.raw(
    `(${figures.map((c) => `c.${c}`).join(", ")}) is distinct from (${figures.map((c) => `excluded.${c}`).join(", ")})`,
  );
  const p = (name: string) => dsql.placeholder(name);
  return compileStatement(dsql`with fresh as (select * from unnest(${columns}) as f(${dsql.raw(names)})),
    stored_due as (update merchants m set sla_due_at = d.due_at, sla_warn_at = d.warn_at, waiting_anchor_at = d.anchor
      from unnest(${p("ids")}::uuid[], ${p("due")}::timestamptz[], ${p("warn")}::timestamptz[], ${p("anchor")}::timestamptz[])
        as d(id, due_at, warn_at, anchor)
      where m.id = d.id
        and (m.sla_due_at, m.sla_warn_at, m.waiting_anchor_at) is distinct from (d.due_at, d.warn_at, d.anchor)),
    gone as (delete from sla_step_clocks c where c.merchant_id = any(${p("ids")}::uuid[])
      and not exists (select 1 from fresh f where f.merchant_id = c.merchant_id and f.step = c.step))
    insert into sla_step_clocks as c (${dsql.raw(names)}, computed_at)
    select *, ${p("computedAt")}::timestamptz from fresh
    on conflict (merchant_id, step) do update set ${updates} where ${changed}`);
})();
