import { authorize, type Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { calendarInput, loadAgencyCalendar, merchantCalendar } from "@/lib/sla/sla-context";
import type { Calendars } from "@/lib/sla/clocks";
import { waitingClock, waitingFromAnchor, type WaitingClock } from "@/lib/sla/waiting-clock";
import type { QueueParams } from "./queue-params";
import { totalFromFacets, type QueueFacets } from "./queue-facets";
import { executeQueueRows, executeQueueStatements, type QueueRow as StoredQueueRow } from "./queue-statements";

/** A row as the queue shows it: the stored columns and the business-time "Waiting" of the shown page. */
export type QueueRow = Omit<StoredQueueRow, "waitingAnchorAt" | "pausedClockEvents"> & { waiting: WaitingClock | null };
export type QueueResult = { rows: QueueRow[]; total: number; pageCount: number };

/**
 * One page of the onboarding queue and the total matching rows. Given the view's facets (which the
 * queue page reads anyway), the total is taken from them; otherwise the page and the count run in
 * parallel on two pooled connections (measured faster than `count(*) over()`, which must
 * materialise every matching row before LIMIT; see tests/bench/queue.ts). Errors propagate:
 * a broken query must look broken, not like an empty queue.
 *
 * "Waiting" is the business time from the merchant's stored anchor to now on its owner's calendar
 * (decision 0031 stores the anchor at every clock refresh so that this equals the figure from the
 * events while the clock runs; decision 0035 reads it here): no events to load on the hot path.
 * Only rows with a step open but no running clock (on hold, cancelled) replay their events, which
 * come with the row (its statement's `pausedClockEvents`, decision 0041);
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
  const now = new Date();
  const shown = rows.map(({ waitingAnchorAt, pausedClockEvents, ...row }) => {
    const calendars: Calendars = { agency, merchant: merchantCalendar(calendarInput(row)) };
    const owner = row.ballInCourt;
    const waiting: WaitingClock | null =
      !row.currentStage || !owner
        ? null
        : waitingAnchorAt
          ? waitingFromAnchor(waitingAnchorAt, owner, calendars, now)
          : waitingClock(pausedClockEvents ?? [], row.currentStage, owner, calendars, now);
    return { ...row, waiting };
  });
  return { rows: shown, total, pageCount: Math.ceil(total / params.perPage) };
}
