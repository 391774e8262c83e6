import { count } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { queueBindings, queueWhere } from "./filters";
import { QUEUE_STEP_FILTERS, type QueueParams, type QueueStepFilter } from "./queue-params";

export type QueueFacets = { stage: Partial<Record<QueueStepFilter, number>> };

/**
 * How many merchants each step filter would show, given every other filter in the view (the step
 * filter itself is left out, so the counts answer "what if I picked this step too?"). One
 * GROUP BY over the same indexes as the queue; see tests/bench/queue.ts for its cost.
 */
export async function queueFacets(actor: Actor | null | undefined, params: QueueParams): Promise<QueueFacets> {
  authorize(actor, "queue:read");
  if (actor.kind !== "staff") throw new ForbiddenError();
  // Every step and "done": an empty step filter would mean the default, in-progress-only view.
  const view = { ...params, stage: [...QUEUE_STEP_FILTERS] };
  const rows = await db
    .select({ stage: merchants.currentStage, n: count() })
    .from(merchants)
    .where(queueWhere(actor, view))
    .groupBy(merchants.currentStage)
    // Named, as the queue's own statements (queue-statements.ts).
    .prepare("queue_facets")
    .execute(queueBindings(actor, view));
  return { stage: Object.fromEntries(rows.map((r) => [r.stage ?? "done", r.n])) };
}

/**
 * The view's total, from its facets: the facets count the same rows under every step filter, so
 * the view's own step filter picks its groups (none chosen: every step in progress, not `done`).
 * Saves the queue page its separate count statement.
 */
export function totalFromFacets(facets: QueueFacets, stage: QueueParams["stage"]): number {
  const chosen: readonly QueueStepFilter[] = stage.length ? stage : QUEUE_STEP_FILTERS.filter((s) => s !== "done");
  return [...new Set(chosen)].reduce((sum, s) => sum + (facets.stage[s] ?? 0), 0);
}
