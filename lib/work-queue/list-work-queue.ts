import { authorize, type Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { db } from "@/db/client";
import { loadClockEvents } from "@/lib/sla/load-clock-events";
import { calendarInput, loadAgencyCalendar, merchantCalendar } from "@/lib/sla/sla-context";
import { waitingClock, type WaitingClock } from "@/lib/sla/waiting-clock";
import type { QueueParams } from "./queue-params";
import { totalFromFacets, type QueueFacets } from "./queue-facets";
import { executeQueueRows, executeQueueStatements, type QueueRow as StoredQueueRow } from "./queue-statements";

/** A row as the queue shows it: the stored columns and the business-time "Waiting" of the shown page. */
export type QueueRow = StoredQueueRow & { waiting: WaitingClock | null };
export type QueueResult = { rows: QueueRow[]; total: number; pageCount: number };

/**
 * One page of the onboarding queue and the total matching rows. Given the view's facets (which the
 * queue page reads anyway), the total is taken from them; otherwise the page and the count run in
 * parallel on two pooled connections (measured faster than `count(*) over()`, which must
 * materialise every matching row before LIMIT; see tests/bench/queue.ts). Errors propagate:
 * a broken query must look broken, not like an empty queue.
 *
 * "Waiting" is computed from the shown page's events only (one query for up to 100 merchants);
 * sorting and filtering by SLA use the stored `sla_due_at` / `sla_warn_at` (decision 0022).
 */
export async function listWorkQueue(
  actor: Actor | null | undefined,
  params: QueueParams,
  options: { facets?: Promise<QueueFacets> } = {},
): Promise<QueueResult> {
  authorize(actor, "queue:read");
  if (actor.kind !== "staff") throw new ForbiddenError();
  const { facets } = options;
  const [[rows, total], agency] = await Promise.all([
    facets
      ? Promise.all([executeQueueRows(actor, params), facets.then((f) => totalFromFacets(f, params.stage))])
      : executeQueueStatements(actor, params),
    loadAgencyCalendar(),
  ]);
  const events = await loadClockEvents(
    db,
    rows.filter((r) => r.currentStage).map((r) => r.id),
  );
  const now = new Date();
  const shown = rows.map((row) => ({
    ...row,
    waiting: waitingClock(
      events.get(row.id) ?? [],
      row.currentStage,
      row.ballInCourt,
      { agency, merchant: merchantCalendar(calendarInput(row)) },
      now,
    ),
  }));
  return { rows: shown, total, pageCount: Math.ceil(total / params.perPage) };
}
