import { and, type AnyColumn, asc, desc, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import { merchants, staffUsers } from "@/db/schema";
import type { StaffActor } from "@/lib/auth/actor";
import type { Stage } from "@/lib/onboarding/stages";
import { effectiveSpecialist, type QueueParams, type QueueSortColumn } from "./queue-params";

/**
 * The one place where queue params become SQL. Column names come from a fixed map keyed by the
 * allow-listed sort names, and every value is bound as a parameter, so nothing from the URL is
 * ever spliced into the statement.
 */
export function queueWhere(actor: StaffActor, params: QueueParams): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    params.cancelled === "include" ? undefined : isNull(merchants.cancelledAt),
    stageCondition(params.stage),
    params.ball ? eq(merchants.ballInCourt, params.ball) : undefined,
    specialistCondition(actor, params.specialist),
    params.hold === "any" ? undefined : eq(merchants.onHold, params.hold === "yes"),
    params.cluster ? eq(merchants.cluster, params.cluster) : undefined,
    searchCondition(params.q),
  ];
  return and(...conditions);
}

function stageCondition(filter: QueueParams["stage"]): SQL | undefined {
  if (filter.length === 0) return undefined;
  const stages = filter.filter((s): s is Stage => s !== "done");
  const wantsDone = stages.length !== filter.length;
  const inStages = stages.length ? inArray(merchants.currentStage, stages) : undefined;
  // `done` means every step is complete, which the stage machine stores as a null current stage.
  return wantsDone ? or(inStages, isNull(merchants.currentStage)) : inStages;
}

function specialistCondition(actor: StaffActor, value: QueueParams["specialist"]): SQL | undefined {
  const filter = effectiveSpecialist(actor.role, value);
  if (filter === "any") return undefined;
  if (filter === "unassigned") return isNull(merchants.specialistId);
  return eq(merchants.specialistId, filter === "mine" ? actor.id : filter);
}

/** Substring match on company, shop domain and contact email (pg_trgm GIN indexes serve it). */
function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${escapeLike(q)}%`;
  return or(
    ilike(merchants.company, pattern),
    ilike(merchants.shopDomain, pattern),
    ilike(merchants.contactEmail, pattern),
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
  waitingSince: merchants.stageEnteredAt,
  specialist: staffUsers.name,
  lastActivity: merchants.lastActivityAt,
} as const satisfies Record<QueueSortColumn, unknown>;

/** The chosen column, then the id in the same direction so pages never overlap or skip rows. */
export function queueOrderBy(params: Pick<QueueParams, "sort" | "dir">): SQL[] {
  const direction = params.dir === "desc" ? desc : asc;
  const column: AnyColumn = SORT_COLUMNS[params.sort];
  return [direction(column), direction(merchants.id)];
}
