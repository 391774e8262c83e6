import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can, type StaffActor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { headroomLabel } from "@/lib/key-health/health-params";
import { grantLabel } from "@/lib/lightspeed/coverage";
import type { Verdict } from "@/lib/lightspeed/vocabulary";
import { VERDICT_LABELS, VERIFICATION_TRIGGER_LABELS, getVerificationHistory } from "@/lib/verification";
import { TimeStamp } from "@/components/time/time-stamp";
import { VerificationNowButton } from "./verification-now-button";

const VERDICT_BADGE: Record<Verdict, "success" | "warning" | "destructive" | "secondary"> = {
  healthy: "success",
  incomplete_permissions: "warning",
  invalid_credentials: "destructive",
  rate_limited: "warning",
  unreachable: "secondary",
};

/**
 * The merchant's verification runs (intake verifications and health checks), newest first, with
 * what changed since the run before, and "Verify now". Server component; no secret is rendered.
 */
export async function VerificationHistory({
  merchantId,
  actor: given,
  readOnly = false,
}: {
  merchantId: string;
  actor?: StaffActor;
  readOnly?: boolean;
}) {
  const actor = given ?? (await requireActor());
  const runs = await getVerificationHistory(actor, { merchantId, limit: 25 });

  return (
    <Card data-testid="verification-history">
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div className="grid gap-1.5">
          <CardTitle>Verification runs</CardTitle>
          <CardDescription>
            Every check of the key against Lightspeed: full checks read all 12 permissions, light checks only sign in.
            {can(actor, "jobs:manage") && (
              <>
                {" "}
                <Link href={`/admin/jobs?merchant=${merchantId}`} className="underline underline-offset-4">
                  Jobs for this merchant
                </Link>
              </>
            )}
          </CardDescription>
        </div>
        {!readOnly && can(actor, "verification:run") && (
          <VerificationNowButton merchantId={merchantId} latestRunId={runs[0]?.id ?? null} />
        )}
      </CardHeader>
      <CardContent>
        {runs.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No verification yet. It runs by itself once both the key and the secret are recorded.
          </p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Check</TableHead>
                <TableHead>Result</TableHead>
                <TableHead>What changed</TableHead>
                <TableHead className="text-right">Rate limit</TableHead>
                <TableHead className="text-right">Requests · time</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.map((run) => (
                <TableRow key={run.id} data-testid="verification-run" data-verdict={run.verdict}>
                  <TableCell className="whitespace-nowrap align-top">
                    <TimeStamp date={run.createdAt} mode="relative" />
                    {run.keyFingerprint && (
                      <div className="font-mono text-xs text-muted-foreground">{run.keyFingerprint}</div>
                    )}
                  </TableCell>
                  <TableCell className="align-top text-sm">
                    {run.kind === "full" ? "Full" : "Light"}
                    <div className="text-xs text-muted-foreground">{VERIFICATION_TRIGGER_LABELS[run.trigger]}</div>
                  </TableCell>
                  <TableCell className="max-w-64 align-top whitespace-normal">
                    <Badge variant={VERDICT_BADGE[run.verdict]}>
                      {run.kind === "light" && run.verdict === "healthy" ? "signed in" : VERDICT_LABELS[run.verdict]}
                    </Badge>
                    {run.missing.length > 0 && run.verdict === "incomplete_permissions" && (
                      <div className="mt-1 text-xs text-muted-foreground">
                        Missing: {run.missing.map(grantLabel).join(", ")}
                      </div>
                    )}
                    {run.error && <div className="mt-1 text-xs text-muted-foreground">{run.error}</div>}
                  </TableCell>
                  <TableCell className="max-w-72 align-top text-sm whitespace-normal">
                    {run.changes.length ? (
                      <ul className="list-disc space-y-0.5 pl-4">
                        {run.changes.map((change) => (
                          <li key={change}>{change}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                  <TableCell className="text-right align-top text-xs text-muted-foreground">
                    {headroomLabel(run.rateLimit) ?? "—"}
                  </TableCell>
                  <TableCell className="text-right align-top text-xs whitespace-nowrap text-muted-foreground">
                    {run.requests} · {(run.durationMs / 1000).toFixed(1)} s
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
