import { z } from "zod";
import { QUEUE_NAMES, getQueue, type QueueName } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { parseInput } from "@/lib/validation/parse-input";
import { JOBS_PAGE_SIZE, JOB_STATES, type JobState } from "./job-states";
import { toJobView, type JobView } from "./job-view";

const inputSchema = z.object({
  queue: z.enum(QUEUE_NAMES),
  state: z.enum(JOB_STATES),
  page: z.number().int().min(1).max(100_000).default(1),
});

export type QueueJobsPage = {
  queue: QueueName;
  state: JobState;
  /** Every state's count, for the tabs; `total` is the listed state's. */
  counts: Record<JobState, number>;
  paused: boolean;
  jobs: JobView[];
  total: number;
  page: number;
  pageSize: number;
};

/**
 * One page of a queue's jobs in one state, newest first (BullMQ's own order per list). A page past
 * the end shows the last page. Counts and page come from one round of calls, so they agree closely.
 */
export async function listQueueJobs(
  actor: Actor,
  input: { queue: string; state: string; page?: number },
): Promise<QueueJobsPage> {
  authorize(actor, "jobs:manage");
  const { queue: name, state, page: wanted } = parseInput(inputSchema, input);
  const queue = getQueue(name);
  return queueCall(async () => {
    const [raw, paused] = await Promise.all([queue.getJobCounts(...JOB_STATES), queue.isPaused()]);
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, raw[s] ?? 0])) as Record<JobState, number>;
    const total = counts[state];
    const page = Math.min(wanted, Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE)));
    const start = (page - 1) * JOBS_PAGE_SIZE;
    const jobs = await queue.getJobs([state], start, start + JOBS_PAGE_SIZE - 1, false);
    const views = await Promise.all(jobs.filter(Boolean).map((job) => toJobView(name, job, state)));
    return { queue: name, state, counts, paused, jobs: views, total, page, pageSize: JOBS_PAGE_SIZE };
  });
}
