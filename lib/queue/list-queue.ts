import { count, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants, staffUsers } from "@/db/schema";
import { authorize, type Actor, type StaffActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { queueOrderBy, queueWhere } from "./filters";
import type { QueueParams } from "./queue-params";

/** The columns one queue row shows. */
export const queueColumns = {
  id: merchants.id,
  company: merchants.company,
  shopName: merchants.shopName,
  shopDomain: merchants.shopDomain,
  cluster: merchants.cluster,
  currentStage: merchants.currentStage,
  ballInCourt: merchants.ballInCourt,
  waitingSince: merchants.stageEnteredAt,
  specialistId: merchants.specialistId,
  specialistName: staffUsers.name,
  lastActivityAt: merchants.lastActivityAt,
  onHold: merchants.onHold,
  holdReason: merchants.holdReason,
  merchantActionRequired: merchants.merchantActionRequired,
  cancelled: isNotNull(merchants.cancelledAt).mapWith(Boolean),
};

export type QueueRow = Awaited<ReturnType<typeof queueQueries>["rows"]>[number];
export type QueueResult = { rows: QueueRow[]; total: number; pageCount: number };

/** The two statements behind one queue page, unexecuted (the benchmark reads their SQL). */
export function queueQueries(actor: StaffActor, params: QueueParams) {
  const where = queueWhere(actor, params);
  const rows = db
    .select(queueColumns)
    .from(merchants)
    .leftJoin(staffUsers, eq(staffUsers.id, merchants.specialistId))
    .where(where)
    .orderBy(...queueOrderBy(params))
    .limit(params.perPage)
    .offset((params.page - 1) * params.perPage);
  // No join: no filter touches staff_users, so the count stays an index-only scan where it can.
  const total = db.select({ total: count() }).from(merchants).where(where);
  return { rows, total };
}

/**
 * One page of the onboarding queue and the total matching rows. The page and the count run in
 * parallel on two pooled connections (measured faster than `count(*) over()`, which must
 * materialise every matching row before LIMIT; see tests/bench/queue.ts). Errors propagate:
 * a broken query must look broken, not like an empty queue.
 */
export async function listQueue(actor: Actor | null | undefined, params: QueueParams): Promise<QueueResult> {
  authorize(actor, "queue:read");
  if (actor.kind !== "staff") throw new ForbiddenError();
  const queries = queueQueries(actor, params);
  const [rows, [counted]] = await Promise.all([queries.rows, queries.total]);
  const total = counted?.total ?? 0;
  return { rows, total, pageCount: Math.ceil(total / params.perPage) };
}
