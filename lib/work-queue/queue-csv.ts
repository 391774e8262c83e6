import type { StaffActor } from "@/lib/auth/actor";
import { CSV_HEADERS, csvText } from "@/lib/csv";
import { UnauthenticatedError } from "@/lib/errors";
import { errorResponse } from "@/lib/http-errors";
import { OWNER_LABELS, STEP_LABELS } from "@/lib/pipeline/pipeline";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { formatDateTime } from "@/lib/time/format";
import { listWorkQueue, type QueueRow } from "./list-work-queue";
import { applyQueueDefaults, parseQueueParams } from "./queue-params";

/** A spreadsheet, not a dump: the view's rows up to this many, in the view's order. */
export const QUEUE_CSV_LIMIT = 5_000;
const PER_PAGE = 100;

/**
 * The queue's current view (the same URL filters and sort as /queue, the same scope for the
 * viewer's role) as CSV. Pages through listWorkQueue itself, so the export cannot drift from the screen.
 */
export async function queueCsvResponse(actor: StaffActor | null, url: URL): Promise<Response> {
  try {
    if (!actor) throw new UnauthenticatedError();
    const params = { ...applyQueueDefaults(parseQueueParams(url.searchParams), actor), perPage: PER_PAGE } as const;
    const rows: QueueRow[] = [];
    for (let page = 1; rows.length < QUEUE_CSV_LIMIT; page++) {
      const result = await listWorkQueue(actor, { ...params, page });
      rows.push(...result.rows);
      if (page >= result.pageCount) break;
    }
    const zone = actorTimeZone(actor);
    const header = [
      "Company",
      "Shop",
      "Domain",
      "Cluster",
      "Step",
      "Ball in court",
      "Waiting since",
      "Specialist",
      "Status",
    ];
    const body = rows
      .slice(0, QUEUE_CSV_LIMIT)
      .map((r) => [
        r.company,
        r.shopName,
        r.shopDomain,
        r.cluster,
        r.currentStage ? STEP_LABELS[r.currentStage] : "Onboarded",
        r.ballInCourt ? OWNER_LABELS[r.ballInCourt] : "",
        formatDateTime(new Date(r.waitingSince), zone),
        r.specialistName ?? "Unassigned",
        r.cancelled ? "Cancelled" : r.onHold ? `On hold: ${r.holdReason ?? ""}` : "",
      ]);
    return new Response(csvText([header, ...body]), {
      headers: { ...CSV_HEADERS, "Content-Disposition": 'attachment; filename="queue.csv"' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
