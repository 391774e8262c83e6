import type { Metadata } from "next";
import Link from "next/link";
import { TimeStamp } from "@/components/time/time-stamp";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { parseAuditParams, serializeAuditParams } from "@/lib/audit/audit-params";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { listAuditFilterChoices } from "@/lib/audit/list-audit-filter-choices";
import { requirePagePermission } from "@/lib/auth/session";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { AuditFilters } from "./_components/audit-filters";

export const metadata: Metadata = { title: "Audit trail" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who did what, in words; filters live in the URL so a view can be shared and downloaded. */
export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePagePermission("audit:read");
  const params = parseAuditParams(await searchParams);
  const [page, choices] = await Promise.all([
    listAuditEntries(actor, params, actorTimeZone(actor)),
    listAuditFilterChoices(actor),
  ]);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Audit trail</h1>
        <p className="text-sm text-muted-foreground">
          {actor.role === "admin"
            ? "Every change, newest first."
            : "Secret reveals and assignments, newest first (admins see every change)."}
        </p>
      </div>
      <AuditFilters params={params} choices={choices} csvHref={`/admin/audit/csv${serializeAuditParams(params)}`} />
      <div className="rounded-lg border">
        <Table aria-label="Audit trail">
          <TableHeader>
            <TableRow>
              <TableHead className="w-48">When</TableHead>
              <TableHead>What</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.entries.length === 0 ? (
              <TableRow>
                <TableCell colSpan={2} className="text-muted-foreground">
                  Nothing matches these filters.
                </TableCell>
              </TableRow>
            ) : (
              page.entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <TimeStamp date={e.at} mode="exact" />
                  </TableCell>
                  <TableCell className="break-words whitespace-normal">{e.text}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        <span className="text-muted-foreground">
          {page.total} entr{page.total === 1 ? "y" : "ies"} · page {page.page} of {pages}
        </span>
        <span className="space-x-4">
          {page.page > 1 ? (
            <Link href={`/admin/audit${serializeAuditParams(params, page.page - 1)}`}>Previous</Link>
          ) : null}
          {page.page < pages ? (
            <Link href={`/admin/audit${serializeAuditParams(params, page.page + 1)}`}>Next</Link>
          ) : null}
        </span>
      </nav>
    </div>
  );
}
