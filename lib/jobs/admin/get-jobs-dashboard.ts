import type { Actor } from "@/lib/auth/actor";
import { QueueUnavailableError } from "@/lib/jobs/queue-call";
import { getQueueOverview, type QueueOverview } from "./get-queue-overview";
import type { JobView } from "./job-view";
import { listMerchantJobs } from "./list-merchant-jobs";
import { listQueueJobs, type QueueJobsPage } from "./list-queue-jobs";

export type JobsDashboard =
  | { available: true; queues: QueueOverview[]; list: QueueJobsPage; merchantJobs: JobView[] | null }
  | { available: false; message: string };

/**
 * Everything /admin/jobs shows (the queues, one queue's jobs in one state, one merchant's jobs), or, while Redis cannot be reached, why not: the page states the
 * outage (within the queue deadline) instead of failing with a 500. Permission errors still throw.
 */
export async function getJobsDashboard(
  actor: Actor,
  input: { merchantId?: string; queue?: string; state?: string; page?: number },
): Promise<JobsDashboard> {
  try {
    const [queues, list, merchantJobs] = await Promise.all([
      getQueueOverview(actor),
      listQueueJobs(actor, { queue: input.queue ?? "verification", state: input.state ?? "failed", page: input.page }),
      input.merchantId ? listMerchantJobs(actor, { merchantId: input.merchantId }) : Promise.resolve(null),
    ]);
    return { available: true, queues, list, merchantJobs };
  } catch (error) {
    if (!(error instanceof QueueUnavailableError)) throw error;
    return {
      available: false,
      message:
        "Redis, which holds the job queues, cannot be reached right now, so queue counts and jobs cannot be shown. Workers keep retrying and pick up where they left off when it is back; due health checks and pending verifications are re-queued from the database.",
    };
  }
}
