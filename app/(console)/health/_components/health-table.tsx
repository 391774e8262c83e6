"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { headroomLabel } from "@/lib/key-health/health-params";
import type { KeyHealthRow } from "@/lib/key-health/list-key-health";
import { KEY_HEALTH_STATE_LABELS, type KeyHealthState } from "@/lib/key-health/states";
import { TimeStamp } from "@/components/time/time-stamp";

const STATE_BADGE: Record<KeyHealthState, "success" | "warning" | "destructive" | "secondary" | "outline"> = {
  healthy: "success",
  rejected: "destructive",
  permission_gap: "destructive",
  platform_error: "warning",
  rate_limited: "warning",
  key_only: "outline",
  secret_only: "outline",
  no_key: "secondary",
};

/**
 * A client component on purpose: a server-rendered table travels twice, as HTML and as its whole
 * element tree in the RSC payload (~1 KB per row); from here the payload carries only the rows.
 */
export function HealthTable({ rows }: { rows: KeyHealthRow[] }) {
  if (rows.length === 0)
    return (
      <p className="rounded-md border p-6 text-center text-sm text-muted-foreground">No keys match these filters.</p>
    );
  return (
    <Table data-testid="health-table">
      <TableHeader>
        <TableRow>
          <TableHead>Merchant</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Key</TableHead>
          <TableHead>Cluster</TableHead>
          <TableHead>Last check</TableHead>
          <TableHead>Next check</TableHead>
          <TableHead>Rate limit</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.merchantId} data-state={row.state ?? "verifying"}>
            <TableCell>
              <Link href={`/merchants/${row.merchantId}`} className="font-medium hover:underline">
                {row.company}
              </Link>
              <div className="text-xs text-muted-foreground">{row.shopName}</div>
            </TableCell>
            <TableCell className="max-w-80 whitespace-normal">
              {row.state ? (
                <Badge variant={STATE_BADGE[row.state]}>{KEY_HEALTH_STATE_LABELS[row.state]}</Badge>
              ) : (
                <Badge variant="outline">Verifying…</Badge>
              )}
              {row.consecutiveFailures > 0 && (
                <span className="ml-2 text-xs text-muted-foreground">{row.consecutiveFailures}× in a row</span>
              )}
              {row.alertOpen && row.alertReason && (
                <div className="mt-1 text-xs text-muted-foreground">{row.alertReason}</div>
              )}
            </TableCell>
            <TableCell className="font-mono text-xs">{row.keyFingerprint ?? "—"}</TableCell>
            <TableCell>{row.cluster ?? "—"}</TableCell>
            <TableCell className="text-sm">
              {row.lastCheckAt ? <TimeStamp date={row.lastCheckAt} mode="relative" /> : "—"}
            </TableCell>
            <TableCell className="text-sm">
              {row.nextCheckAt ? <TimeStamp date={row.nextCheckAt} mode="relative" /> : "—"}
            </TableCell>
            <TableCell className="text-xs text-muted-foreground">{headroomLabel(row.rateLimit) ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
