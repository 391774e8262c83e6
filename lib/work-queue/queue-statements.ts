import { Column, count, eq, fillPlaceholders, is, isNotNull, sql, type SQL } from "drizzle-orm";
import type postgres from "postgres";
import { db } from "@/db/client";
import { merchants, staffUsers } from "@/db/schema";
import type { StaffActor } from "@/lib/auth/actor";
import { clockEventsFromJson, clockEventsJson } from "@/lib/sla/load-clock-events";
import { queueBindings, queueOrderBy, queueShapeKey, queueWhere } from "./filters";
import type { QueueParams } from "./queue-params";

/** The columns one queue row shows. */
export const queueColumns = {
  id: merchants.id,
  company: merchants.company,
  shopName: merchants.shopName,
  shopDomain: merchants.shopDomain,
  cluster: merchants.cluster,
  country: merchants.country,
  timeZone: merchants.timeZone,
  workingHoursStart: merchants.workingHoursStart,
  workingHoursEnd: merchants.workingHoursEnd,
  workingDays: merchants.workingDays,
  currentStage: merchants.currentStage,
  ballInCourt: merchants.ballInCourt,
  waitingSince: merchants.stageEnteredAt,
  /** Where the running Waiting clock started counting (decision 0031); null while none runs. */
  waitingAnchorAt: merchants.waitingAnchorAt,
  specialistId: merchants.specialistId,
  specialistName: staffUsers.name,
  lastActivityAt: merchants.lastActivityAt,
  onHold: merchants.onHold,
  holdReason: merchants.holdReason,
  merchantActionRequired: merchants.merchantActionRequired,
  cancelled: isNotNull(merchants.cancelledAt).mapWith(Boolean),
  slaDueAt: merchants.slaDueAt,
  slaWarnAt: merchants.slaWarnAt,
  /**
   * A row whose step is open but whose clock is paused (on hold: no anchor) shows the Waiting
   * frozen at its events; they come with the row instead of in a statement after the page's rows
   * (decision 0041). Null for every other row: the subquery runs only for paused rows.
   */
  pausedClockEvents: sql`case when ${merchants.currentStage} is not null and ${merchants.ballInCourt} is not null
    and ${merchants.waitingAnchorAt} is null then ${clockEventsJson(merchants.id)} end`.mapWith(clockEventsFromJson),
};
const totalColumns = { total: count() };

/** The two statements behind one queue page, as drizzle builders with placeholders. */
function buildQueueQueries(actor: StaffActor, params: QueueParams) {
  const where = queueWhere(actor, params);
  const rows = db
    .select(queueColumns)
    .from(merchants)
    .leftJoin(staffUsers, eq(staffUsers.id, merchants.specialistId))
    .where(where)
    .orderBy(...queueOrderBy(params))
    .limit(params.perPage)
    .offset(params.page > 1 ? sql.placeholder("offset") : 0);
  // No join: no filter touches staff_users, so the count stays an index-only scan where it can.
  const total = db.select(totalColumns).from(merchants).where(where);
  return { rows, total };
}

type Statement = { sql: string; params: unknown[] };
type Compiled = { rows: Statement; total: Statement };

/**
 * Each shape's two statements, rendered once.
 *
 * Rendering SQL with drizzle on every call cost ~100 µs of CPU and ~100 KB of garbage per queue
 * page, and drizzle's generic row mapping another ~40 µs and ~50 KB: together most of listWorkQueue's
 * gap to the raw SQL at p50, and 2–3× as many young-generation GC pauses (1–5 ms each on a small
 * VM), which lifted its p95 (tests/bench/queue.ts measures both and counts the pauses). So every
 * call sends the cached text with its bindings through postgres.js as a named prepared
 * statement: an unprepared one with parameters costs an extra round trip (postgres.js describes
 * it first) on every run. The connection's `plan_cache_mode = force_custom_plan` (db/client.ts)
 * still has PostgreSQL plan each run with its actual values, as an unnamed statement was.
 */
const compiledByShape = new Map<string, Compiled>();
/** Views people use are a few dozen shapes; the cap only bounds odd hand-made URLs. */
const MAX_SHAPES = 500;

function compiledFor(actor: StaffActor, params: QueueParams): Compiled {
  const key = queueShapeKey(actor, params);
  let compiled = compiledByShape.get(key);
  if (!compiled) {
    const builders = buildQueueQueries(actor, params);
    compiled = { rows: builders.rows.toSQL(), total: builders.total.toSQL() };
    // Oldest first out: a Map iterates in insertion order.
    if (compiledByShape.size >= MAX_SHAPES) compiledByShape.delete(compiledByShape.keys().next().value as string);
    compiledByShape.set(key, compiled);
  }
  return compiled;
}

type Decode = (value: unknown) => unknown;

/**
 * Turns a driver row (values in select-list order, which drizzle takes from the selection
 * object's key order) into the typed row with each field's own decoder, as drizzle's mapping
 * does, without its per-field iterators: timestamps become Dates, `count()` a number.
 */
function rowDecoder<Row>(fields: Record<string, Column | SQL>): (values: unknown[]) => Row {
  const decoders = Object.entries(fields).map(([key, field]): [string, Decode] => [
    key,
    is(field, Column)
      ? (value) => field.mapFromDriverValue(value)
      : // `.mapWith()` keeps its decoder on the SQL object; drizzle's own mapping reads it there too.
        (value) => (field as unknown as { decoder: { mapFromDriverValue: Decode } }).decoder.mapFromDriverValue(value),
  ]);
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < decoders.length; i++) {
      const [key, decode] = decoders[i]!;
      const value = values[i];
      row[key] = value === null ? null : decode(value);
    }
    return row as Row;
  };
}

export type QueueRow = Awaited<ReturnType<typeof buildQueueQueries>["rows"]>[number];
const decodeQueueRow = rowDecoder<QueueRow>(queueColumns);
const decodeTotal = rowDecoder<{ total: number }>(totalColumns);

/** The exact SQL text and parameters listWorkQueue sends for a view (also the benchmark's raw baseline). */
export function queueStatements(actor: StaffActor, params: QueueParams) {
  const compiled = compiledFor(actor, params);
  const values = queueBindings(actor, params);
  const bind = (statement: Statement) => ({ sql: statement.sql, params: fillPlaceholders(statement.params, values) });
  return { rows: bind(compiled.rows), total: bind(compiled.total) };
}

/**
 * Runs one queue page's two statements in parallel on two pooled connections, through
 * `db.$client`: the pool as drizzle configured it (timestamps as text, as the decoders expect).
 */
export async function executeQueueStatements(actor: StaffActor, params: QueueParams): Promise<[QueueRow[], number]> {
  const { rows, total } = queueStatements(actor, params);
  const [pageRows, totalRows] = await Promise.all([run(rows), run(total)]);
  return [pageRows.map(decodeQueueRow), totalRows[0] ? decodeTotal(totalRows[0]).total : 0];
}

/** The page's rows only, for a caller that knows the total already (the queue page, from its facets). */
export async function executeQueueRows(actor: StaffActor, params: QueueParams): Promise<QueueRow[]> {
  return (await run(queueStatements(actor, params).rows)).map(decodeQueueRow);
}

const run = (statement: Statement) =>
  db.$client.unsafe(statement.sql, statement.params as postgres.ParameterOrJSON<never>[], { prepare: true }).values();
