import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { getJobsDashboard } from "@/lib/jobs/admin";
import { JOB_STATES, JOB_STATE_LABELS } from "@/lib/jobs/admin/job-states";
import { cn } from "@/lib/utils";
import { JobsTable } from "./_components/jobs-table";
import { QueueCards } from "./_components/queue-cards";
import { QueueControls } from "./_components/queue-controls";
import { jobsHref, jobsParamsSchema } from "./search-params";

export const metadata: Metadata = { title: "Jobs" };
// Live counts: never cached.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Queues and workers; one queue's jobs by state with paging (`?queue=&state=&page=`); one merchant's jobs. */
export default async function JobsAdminPage({ searchParams }: Props) {
  const actor = await requirePagePermission("jobs:manage");
  const params = jobsParamsSchema.parse(await searchParams);
  const dashboard = await getJobsDashboard(actor, { ...params, merchantId: params.merchant });
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
  const { queues, list, merchantJobs } = dashboard;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const listHref = jobsHref(list);

  return (
    <div className="grid min-w-0 gap-6">
      {heading}
      <QueueCards queues={queues} selected={list} />
      {merchantJobs && (
        <Card data-testid="merchant-jobs">
          <CardHeader>
            <CardTitle>Jobs of one merchant</CardTitle>
            <CardDescription>
              <Link className="underline" href={`/merchants/${params.merchant}`}>
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
              listHref={listHref}
              empty="No jobs for this merchant in Redis (completed jobs are kept for a day to a week)."
            />
          </CardContent>
        </Card>
      )}
      <Card data-testid="queue-jobs">
        <CardHeader>
          <CardTitle>
            {JOB_STATE_LABELS[list.state]} jobs of the {list.queue} queue{list.paused ? " (paused)" : ""}
          </CardTitle>
          <CardDescription>
            Retrying is safe: every job is idempotent. Removing a job that is still owed (a pending verification, a due
            check) is undone by the reconcile tick, which queues it again from the database.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid min-w-0 gap-4">
          <QueueControls queue={list.queue} paused={list.paused} failed={list.counts.failed} />
          <nav aria-label="Job states" className="flex flex-wrap gap-1">
            {JOB_STATES.map((state) => (
              <Link
                key={state}
                href={jobsHref({ queue: list.queue, state })}
                aria-current={state === list.state ? "page" : undefined}
                className={cn(
                  "rounded-md border px-2 py-1 text-sm",
                  state === list.state ? "bg-primary text-primary-foreground" : "hover:bg-muted",
                )}
              >
                {JOB_STATE_LABELS[state]} ({list.counts[state]})
              </Link>
            ))}
          </nav>
          <div className="min-w-0 overflow-x-auto">
            <JobsTable jobs={list.jobs} listHref={listHref} empty={`No ${list.state} jobs in ${list.queue}.`} />
          </div>
          <nav aria-label="Pages" className="flex items-center justify-between text-sm">
            <span className="text-muted-foreground">
              {list.total} job{list.total === 1 ? "" : "s"} · page {list.page} of {pages}
            </span>
            <span className="space-x-4">
              {list.page > 1 ? <Link href={jobsHref({ ...list, page: list.page - 1 })}>Previous</Link> : null}
              {list.page < pages ? <Link href={jobsHref({ ...list, page: list.page + 1 })}>Next</Link> : null}
            </span>
          </nav>
        </CardContent>
      </Card>
    </div>
  );
}
