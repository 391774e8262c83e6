import { authorize, type Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import type { QueueParams } from "./queue-params";
import { executeQueueStatements, type QueueRow } from "./queue-statements";

export type { QueueRow };
export type QueueResult = { rows: QueueRow[]; total: number; pageCount: number };

/**
 * One page of the onboarding queue and the total matching rows. The page and the count run in
 * parallel on two pooled connections (measured faster than `count(*) over()`, which must
 * materialise every matching row before LIMIT; see tests/bench/queue.ts). Errors propagate:
 * a broken query must look broken, not like an empty queue.
 */
export async function listWorkQueue(actor: Actor | null | undefined, params: QueueParams): Promise<QueueResult> {
  authorize(actor, "queue:read");
  if (actor.kind !== "staff") throw new ForbiddenError();
  const [rows, total] = await executeQueueStatements(actor, params);
  return { rows, total, pageCount: Math.ceil(total / params.perPage) };
}
