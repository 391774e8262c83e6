import { getQueue } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { loadJob, parseJobRef } from "./job-ref";
import { toJobView, type JobView } from "./job-view";
import { merchantOfJob } from "./merchant-of-job";

/** Log lines shown per job: processors write a handful, so this is "all" in practice. */
const LOG_LINES = 200;

export type JobDetail = JobView & {
  processedAt: Date | null;
  /** From the last start to the end (finished jobs) or to now (running ones), in ms. */
  durationMs: number | null;
  /** What a delayed job waits for. */
  delayUntil: Date | null;
  maxAttempts: number;
  /** One stack per failed attempt, newest last (BullMQ keeps them in order). */
  stacktrace: string[];
  logs: string[];
  logCount: number;
  merchant: { id: string; shopName: string } | null;
};

/** Everything the job detail view shows. Payloads are ids only by construction (lib/jobs/payloads.ts). */
export async function getJobDetail(actor: Actor, input: { queue: string; jobId: string }): Promise<JobDetail> {
  authorize(actor, "jobs:manage");
  const ref = parseJobRef(input);
  const { job, view, logs } = await queueCall(async () => {
    const job = await loadJob(ref);
    const [view, logs] = await Promise.all([
      toJobView(ref.queue, job),
      getQueue(ref.queue).getJobLogs(ref.jobId, 0, LOG_LINES - 1, true),
    ]);
    return { job, view, logs };
  });
  const processedAt = job.processedOn ? new Date(job.processedOn) : null;
  const end = view.finishedAt?.getTime() ?? (view.state === "active" ? Date.now() : null);
  return {
    ...view,
    processedAt,
    durationMs: processedAt && end ? Math.max(0, end - processedAt.getTime()) : null,
    delayUntil: view.state === "delayed" && job.delay ? new Date(job.timestamp + job.delay) : null,
    maxAttempts: job.opts.attempts ?? 1,
    stacktrace: job.stacktrace ?? [],
    logs: logs.logs,
    logCount: logs.count,
    merchant: await merchantOfJob(view.data),
  };
}
