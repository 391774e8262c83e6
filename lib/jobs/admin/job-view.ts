import type { Job } from "bullmq";
import type { QueueName } from "@/lib/jobs/queues";

/** A job as the admin page shows it. Payloads are ids only by construction (lib/jobs/payloads.ts). */
export type JobView = {
  queue: QueueName;
  id: string;
  name: string;
  state: string;
  attemptsMade: number;
  failedReason: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  finishedAt: Date | null;
};

export async function toJobView(queue: QueueName, job: Job, state?: string): Promise<JobView> {
  return {
    queue,
    id: job.id ?? "",
    name: job.name,
    state: state ?? (await job.getState()),
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason || null,
    data: (job.data ?? {}) as Record<string, unknown>,
    createdAt: new Date(job.timestamp),
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}
