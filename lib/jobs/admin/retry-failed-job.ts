import { authorize, type Actor } from "@/lib/auth/actor";
import { RuleViolationError } from "@/lib/errors";
import { queueCall } from "@/lib/jobs/queue-call";
import { createLogger } from "@/lib/logger";
import { auditJobAction } from "./job-audit";
import { loadJob, parseJobRef } from "./job-ref";

const log = createLogger("jobs-admin");

/**
 * Puts a failed job back in the queue with fresh attempts. Safe to repeat: the processors are
 * idempotent (run keys, due slots), and a job that is no longer failed is refused.
 */
export async function retryFailedJob(actor: Actor, input: { queue: string; jobId: string }): Promise<void> {
  authorize(actor, "jobs:manage");
  const ref = parseJobRef(input);
  const job = await queueCall(async () => {
    const job = await loadJob(ref);
    const state = await job.getState();
    if (state !== "failed") throw new RuleViolationError(`This job is ${state}, not failed; nothing to retry.`);
    await job.retry("failed", { resetAttemptsMade: true });
    return job;
  });
  await auditJobAction(actor, "jobs.retried", {
    queue: ref.queue,
    job: { id: ref.jobId, name: job.name, data: job.data },
  });
  log.info("failed job retried", { ...ref, by: actor.kind === "staff" ? actor.id : actor.name });
}
