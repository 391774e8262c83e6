import { and, type AnyColumn, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { merchants, staffUsers } from "@/db/schema";
import type { StaffActor } from "@/lib/auth/actor";
import type { Step } from "@/lib/pipeline/steps";
import { effectiveSpecialist, QUEUE_DEFAULT_SORT, type QueueParams, type QueueSortColumn } from "./queue-params";

/**
 * The one place where queue params become SQL. Column names come from a fixed map keyed by the
 * allow-listed sort names, and every value is bound as a parameter, so nothing from the URL is
 * ever spliced into the statement.
 *
 * The two free-form values (which specialist, the search pattern) are placeholders, filled from
 * `queueBindings` when the statement runs. The statement's text then depends only on
 * `queueShapeKey`, so `listWorkQueue` renders it once per shape instead of on every call.
 */
export function queueWhere(actor: StaffActor, params: QueueParams): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    params.cancelled === "include" ? undefined : isNull(merchants.cancelledAt),
    stepCondition(params.stage),
    params.ball ? eq(merchants.ballInCourt, params.ball) : undefined,
    specialistCondition(actor, params.specialist),
    params.hold === "any" ? undefined : eq(merchants.onHold, params.hold === "yes"),
    params.cluster ? eq(merchants.cluster, params.cluster) : undefined,
    slaCondition(params.sla),
    searchCondition(params.q),
  ];
  return and(...conditions);
}

/** On the stored instants (lib/sla/refresh-merchant-sla.ts), against the statement's clock. */
function slaCondition(filter: QueueParams["sla"]): SQL | undefined {
  if (filter === "breached") return sql`${merchants.slaDueAt} <= now()`;
  if (filter === "due_soon") return sql`${merchants.slaWarnAt} <= now() and ${merchants.slaDueAt} > now()`;
  if (filter === "on_track") return sql`${merchants.slaWarnAt} > now()`;
  return undefined;
}

function stepCondition(filter: QueueParams["stage"]): SQL | undefined {
  // The queue is work in progress: fully onboarded merchants (no current stage) appear only when
  // the Step filter asks for them ("Onboarded"), so they never crowd the top of "waiting longest".
  if (filter.length === 0) return isNotNull(merchants.currentStage);
  const stages = filter.filter((s): s is Step => s !== "done");
  const wantsDone = stages.length !== filter.length;
  const inSteps = stages.length ? inArray(merchants.currentStage, stages) : undefined;
  // `done` means every step is complete, which the stage machine stores as a null current stage.
  return wantsDone ? or(inSteps, isNull(merchants.currentStage)) : inSteps;
}

function specialistCondition(actor: StaffActor, value: QueueParams["specialist"]): SQL | undefined {
  const scope = specialistScope(actor, value);
  if (scope === "any") return undefined;
  if (scope === "unassigned") return isNull(merchants.specialistId);
  return eq(merchants.specialistId, sql.placeholder("specialistId"));
}

/** Whose merchants a view shows: everyone's, nobody's, or one specialist's. */
function specialistScope(actor: StaffActor, value: QueueParams["specialist"]): "any" | "unassigned" | { id: string } {
  const filter = effectiveSpecialist(actor.role, value);
  if (filter === "any") return "any";
  if (filter === "unassigned") return "unassigned";
  return { id: filter === "mine" ? actor.id : filter };
}

/** Substring match on company, shop domain and contact email (pg_trgm GIN indexes serve it). */
function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = sql.placeholder("search");
  return or(
    ilike(merchants.company, pattern),
    ilike(merchants.shopDomain, pattern),
    ilike(merchants.contactEmail, pattern),
  );
}

/** The values for the placeholders `queueWhere` leaves; keys absent from the shape are ignored. */
export type QueueBindings = { specialistId?: string; search?: string; offset: number };

export function queueBindings(actor: StaffActor, params: QueueParams): QueueBindings {
  const scope = specialistScope(actor, params.specialist);
  return {
    specialistId: typeof scope === "object" ? scope.id : undefined,
    search: params.q ? `%${escapeLike(params.q)}%` : undefined,
    offset: (params.page - 1) * params.perPage,
  };
}

/**
 * Everything that changes the text of the queue's statements: the params minus the values bound
 * per call (page number, search text, which specialist). Built from the whole params object, so a
 * filter added later is part of the key without anyone remembering to add it here; sorted and
 * without undefined entries, so equal views give equal keys however their params were built.
 */
export function queueShapeKey(actor: StaffActor, params: QueueParams): string {
  const scope = specialistScope(actor, params.specialist);
  const shape = {
    ...params,
    page: params.page > 1 ? "later" : "first", // drizzle leaves `offset 0` out of the text
    q: Boolean(params.q),
    specialist: typeof scope === "object" ? "one" : scope,
  };
  return JSON.stringify(
    Object.entries(shape)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const SORT_COLUMNS = {
  company: merchants.company,
  shop: merchants.shopName,
  currentStage: merchants.currentStage,
  ballInCourt: merchants.ballInCourt,
  // Business time in the owner's calendar, as the queue shows it (decision 0031).
  waitingSince: merchants.waitingAnchorAt,
  specialist: staffUsers.name,
  lastActivity: merchants.lastActivityAt,
  timeToBreach: merchants.slaDueAt,
} as const satisfies Record<QueueSortColumn, unknown>;

/** The chosen column, then the id in the same direction so pages never overlap or skip rows. */
export function queueOrderBy(params: Pick<QueueParams, "sort" | "dir">): SQL[] {
  const direction = params.dir === "desc" ? desc : asc;
  const sort = params.sort ?? QUEUE_DEFAULT_SORT.sort;
  const column: AnyColumn = SORT_COLUMNS[sort];
  // Merchants without a running Actenzo target have no time to breach, on hold ones no running
  // Waiting: last in either direction.
  if (sort === "timeToBreach" || sort === "waitingSince")
    return [sql`${column} ${sql.raw(params.dir === "desc" ? "desc" : "asc")} nulls last`, direction(merchants.id)];
  return [direction(column), direction(merchants.id)];
}
