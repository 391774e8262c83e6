import type { Actor } from "@/lib/auth/actor";
import { QueueUnavailableError } from "@/lib/jobs/queue-call";
import { getQueueOverview, type QueueOverview } from "./get-queue-overview";
import type { JobView } from "./job-view";
import { listFailedJobs } from "./list-failed-jobs";
import { listMerchantJobs } from "./list-merchant-jobs";

export type JobsDashboard =
  | { available: true; queues: QueueOverview[]; failed: JobView[]; merchantJobs: JobView[] | null }
  | { available: false; message: string };

/**
 * Everything /admin/jobs shows, or, while Redis cannot be reached, why not: the page states the
 * outage (within the queue deadline) instead of failing with a 500. Permission errors still throw.
 */
export async function getJobsDashboard(actor: Actor, input: { merchantId?: string }): Promise<JobsDashboard> {
  try {
    const [queues, failed, merchantJobs] = await Promise.all([
      getQueueOverview(actor),
      listFailedJobs(actor),
      input.merchantId ? listMerchantJobs(actor, { merchantId: input.merchantId }) : Promise.resolve(null),
    ]);
    return { available: true, queues, failed, merchantJobs };
  } catch (error) {
    if (!(error instanceof QueueUnavailableError)) throw error;
    return {
      available: false,
      message:
        "Redis, which holds the job queues, cannot be reached right now, so queue counts and jobs cannot be shown. Workers keep retrying and pick up where they left off when it is back; due health checks and pending verifications are re-queued from the database.",
    };
  }
}
