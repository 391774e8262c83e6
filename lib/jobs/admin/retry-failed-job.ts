import { z } from "zod";
import { QUEUE_NAMES, getQueue } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { queueCall } from "@/lib/jobs/queue-call";
import { createLogger } from "@/lib/logger";

const inputSchema = z.object({ queue: z.enum(QUEUE_NAMES), jobId: z.string().min(1).max(300) });
const log = createLogger("jobs-admin");

/**
 * Puts a failed job back in the queue with fresh attempts. Safe to repeat: the processors are
 * idempotent (run keys, due slots), and a job that is no longer failed is refused.
 */
export async function retryFailedJob(actor: Actor, input: { queue: string; jobId: string }): Promise<void> {
  authorize(actor, "jobs:manage");
  const { queue: name, jobId } = inputSchema.parse(input);
  await queueCall(async () => {
    const job = await getQueue(name).getJob(jobId);
    if (!job) throw new NotFoundError("Job");
    const state = await job.getState();
    if (state !== "failed") throw new RuleViolationError(`This job is ${state}, not failed; nothing to retry.`);
    await job.retry("failed", { resetAttemptsMade: true });
  });
  log.info("failed job retried", { queue: name, jobId, by: actor.kind === "staff" ? actor.id : actor.name });
}
