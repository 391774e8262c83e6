import { getActor } from "@/lib/auth/session";
import { reportCsvResponse } from "@/lib/sla/reports/report-csv";

/** GET /reports/csv?table=<id>&<the page's period and segment>: one report table as CSV. */
export async function GET(request: Request) {
  return reportCsvResponse(await getActor(), new URL(request.url));
}
