import { authorize, type StaffActor } from "@/lib/auth/actor";
import { csvText } from "@/lib/csv";
import { NotFoundError } from "@/lib/errors";
import { errorResponse } from "@/lib/http-errors";
import { loadSlaReport } from "./load-sla-report";
import { parseReportParams } from "./report-params";
import { REPORT_TABLES, reportTables, type ReportTableId } from "./report-tables";

/** `/reports/csv?table=<id>&<the page's params>`: one table of the report, the cells as on screen. */
export async function reportCsvResponse(actor: StaffActor | null, url: URL): Promise<Response> {
  try {
    authorize(actor, "reports:read");
    const id = url.searchParams.get("table");
    if (!REPORT_TABLES.includes(id as ReportTableId)) throw new NotFoundError("Report table");
    const report = await loadSlaReport(actor, parseReportParams(url.searchParams));
    const table = reportTables(report).find((t) => t.id === id)!;
    return new Response(csvText([table.columns, ...table.rows]), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="sla-${id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
