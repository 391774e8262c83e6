import type { StaffActor } from "@/lib/auth/actor";
import { csvCell } from "@/lib/csv";
import { errorResponse } from "@/lib/http-errors";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { formatDateTime } from "@/lib/time/format";
import { parseAuditParams } from "./audit-params";
import { listAuditEntries, type AuditEntry } from "./list-audit-entries";

export function auditCsvText(entries: AuditEntry[], zone: string): string {
  const lines = [["When", "Who", "What"].map(csvCell).join(",")];
  for (const e of entries)
    lines.push([formatDateTime(e.at, zone), e.actorName ?? "The system", e.text].map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The audit CSV for a route handler: same permission, filters and words as /admin/audit, every
 * filtered row (up to the cap), times in the viewer's zone. Errors map to 401/403 like the API.
 */
export async function auditCsvResponse(actor: StaffActor | null, url: URL): Promise<Response> {
  try {
    const zone = actorTimeZone(actor);
    const { entries } = await listAuditEntries(actor, parseAuditParams(url.searchParams), zone, { all: true });
    return new Response(auditCsvText(entries, zone), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="audit-trail.csv"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
