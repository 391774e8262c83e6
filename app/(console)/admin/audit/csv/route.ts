import { auditCsvResponse } from "@/lib/audit/audit-csv";
import { getActor } from "@/lib/auth/session";

/** GET /admin/audit/csv?<the page's filters>: the filtered audit trail as a CSV download. */
export async function GET(request: Request) {
  return auditCsvResponse(await getActor(), new URL(request.url));
}
