import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { getJobsDashboard } from "@/lib/jobs/admin";
import { JobsTable } from "./_components/jobs-table";
import { QueueCards } from "./_components/queue-cards";

export const metadata: Metadata = { title: "Jobs" };
// Live counts: never cached.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const merchantParam = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.uuid().optional()).catch(undefined);

/** Queues, workers online, failed jobs with retry, and one merchant's jobs (`?merchant=<id>`). */
export default async function JobsAdminPage({ searchParams }: Props) {
  const actor = await requirePagePermission("jobs:manage");
  const merchantId = merchantParam.parse((await searchParams).merchant);
  const dashboard = await getJobsDashboard(actor, { merchantId });
  const heading = (
    <div>
      <h1 className="text-2xl font-semibold">Jobs</h1>
      <p className="text-sm text-muted-foreground">
        Background work: key verifications, the health sweep and its checks. Workers run with `npm run worker`.
      </p>
    </div>
  );
  if (!dashboard.available) {
    return (
      <div className="grid gap-6">
        {heading}
        <Card role="alert" data-testid="queues-unavailable">
          <CardHeader>
            <CardTitle>Job queues temporarily unavailable</CardTitle>
            <CardDescription>{dashboard.message}</CardDescription>
          </CardHeader>
        </Card>
      </div>
    );
  }
  const { queues, failed, merchantJobs } = dashboard;

  return (
    <div className="grid gap-6">
      {heading}
      <QueueCards queues={queues} />
      {merchantJobs && (
        <Card data-testid="merchant-jobs">
          <CardHeader>
            <CardTitle>Jobs of one merchant</CardTitle>
            <CardDescription>
              <Link className="underline" href={`/merchants/${merchantId}`}>
                Back to the merchant
              </Link>{" "}
              ·{" "}
              <Link className="underline" href="/admin/jobs">
                All queues
              </Link>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <JobsTable
              jobs={merchantJobs}
              empty="No jobs for this merchant in Redis (completed jobs are kept for a day to a week)."
            />
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Failed jobs</CardTitle>
          <CardDescription>
            Jobs that used up their attempts or could never succeed. Retrying is safe: every job is idempotent.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <JobsTable jobs={failed} empty="No failed jobs." />
        </CardContent>
      </Card>
    </div>
  );
}
