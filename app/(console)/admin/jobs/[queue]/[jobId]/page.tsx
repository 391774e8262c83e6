import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TimeStamp } from "@/components/time/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getJobDetail, type JobDetail } from "@/lib/jobs/admin";
import { QueueUnavailableError } from "@/lib/jobs/queue-call";
import { formatRunTime } from "@/lib/time";
import { JobActions } from "../../_components/job-actions";
import { jobsHref } from "../../search-params";

export const metadata: Metadata = { title: "Job" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ queue: string; jobId: string }> };

async function load(actor: Parameters<typeof getJobDetail>[0], queue: string, jobId: string) {
  try {
    return await getJobDetail(actor, { queue, jobId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof QueueUnavailableError) return error;
    throw error;
  }
}

/** One job: payload (ids), attempts, times, failure and stack, its log lines, its merchant; actions by state. */
export default async function JobDetailPage({ params }: Props) {
  const actor = await requirePagePermission("jobs:manage");
  const { queue, jobId } = await params;
  const job = await load(actor, decoded(queue), decoded(jobId));
  if (job instanceof QueueUnavailableError) {
    return (
      <Card role="alert" data-testid="queues-unavailable">
        <CardHeader>
          <CardTitle>Job queues temporarily unavailable</CardTitle>
          <p className="text-sm text-muted-foreground">{job.message}</p>
        </CardHeader>
      </Card>
    );
  }
  const listHref = jobsHref({ queue: job.queue, state: job.state });
  return (
    <div className="grid min-w-0 gap-6">
      <div className="grid gap-1">
        <Link className="text-sm underline" href={listHref}>
          ← {job.state} jobs of {job.queue}
        </Link>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold">
          {job.name}
          <Badge
            data-testid="job-state"
            variant={job.state === "failed" ? "destructive" : job.state === "completed" ? "success" : "secondary"}
          >
            {job.state}
          </Badge>
        </h1>
        <p className="font-mono text-xs break-all text-muted-foreground">
          {job.queue} · {job.id}
        </p>
      </div>
      <JobActions queue={job.queue} jobId={job.id} state={job.state} listHref={listHref} />
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <Facts job={job} />
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle className="text-base">Payload</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-xs">
              {Object.entries(job.data).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-muted-foreground">{key}</dt>
                  <dd className="break-all">{String(value)}</dd>
                </div>
              ))}
            </dl>
            {job.merchant ? (
              <p>
                For{" "}
                <Link className="underline" href={`/merchants/${job.merchant.id}`} data-testid="job-merchant">
                  {job.merchant.shopName}
                </Link>{" "}
                ·{" "}
                <Link className="underline" href={`/admin/jobs?merchant=${job.merchant.id}`}>
                  all jobs of this merchant
                </Link>
              </p>
            ) : (
              <p className="text-muted-foreground">Not about one merchant.</p>
            )}
          </CardContent>
        </Card>
      </div>
      {(job.failedReason || job.stacktrace.length > 0) && (
        <Card className="min-w-0" data-testid="job-failure">
          <CardHeader>
            {/* A retried job keeps the stacks of its earlier attempts; its reason is cleared. */}
            <CardTitle className="text-base">{job.failedReason ? "Failure" : "Earlier failure"}</CardTitle>
          </CardHeader>
          <CardContent className="grid min-w-0 gap-2">
            {job.failedReason && <p className="text-sm break-words">{job.failedReason}</p>}
            {job.stacktrace.length > 0 && (
              <pre className="max-h-96 overflow-auto rounded-md bg-muted p-3 text-xs">{job.stacktrace.at(-1)}</pre>
            )}
          </CardContent>
        </Card>
      )}
      <Card className="min-w-0" data-testid="job-logs">
        <CardHeader>
          <CardTitle className="text-base">
            Log{job.logCount > job.logs.length ? ` (first ${job.logs.length} of ${job.logCount} lines)` : ""}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {job.logs.length === 0 ? (
            <p className="text-sm text-muted-foreground">This job wrote no log lines.</p>
          ) : (
            <ol className="grid gap-1 font-mono text-xs">
              {job.logs.map((line, i) => (
                <li key={i} className="break-words">
                  {line}
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

/** Route params may arrive still percent-encoded; a stray "%" is taken literally. */
function decoded(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function Facts({ job }: { job: JobDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["Attempts", `${job.attemptsMade} of ${job.maxAttempts}`],
    ["Created", <TimeStamp key="c" date={job.createdAt} mode="both" />],
    ["Started", job.processedAt ? <TimeStamp key="p" date={job.processedAt} mode="both" /> : "not yet"],
    ["Finished", job.finishedAt ? <TimeStamp key="f" date={job.finishedAt} mode="both" /> : "not yet"],
    ["Runs at", job.delayUntil ? <TimeStamp key="d" date={job.delayUntil} mode="both" /> : null],
    ["Duration", job.durationMs !== null ? formatRunTime(job.durationMs) : "—"],
  ];
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle className="text-base">Attempts and times</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="job-facts">
          {rows
            .filter(([, value]) => value !== null)
            .map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </CardContent>
    </Card>
  );
}
