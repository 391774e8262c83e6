import { getActor } from "@/lib/auth/session";
import { queueCsvResponse } from "@/lib/work-queue/queue-csv";

/** GET /queue/csv?<the queue's filters>: the current view as a CSV download. */
export async function GET(request: Request) {
  return queueCsvResponse(await getActor(), new URL(request.url));
}
