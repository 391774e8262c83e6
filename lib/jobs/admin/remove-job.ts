import { authorize, type Actor } from "@/lib/auth/actor";
import { RuleViolationError } from "@/lib/errors";
import { queueCall } from "@/lib/jobs/queue-call";
import { auditJobAction } from "./job-audit";
import { loadJob, parseJobRef } from "./job-ref";

/**
 * Deletes a job and its logs. A running job is refused (its worker holds the lock and would
 * record a result for a job that no longer exists). What the job was for stays in PostgreSQL:
 * the reconcile tick re-queues a pending verification or a due check whose job disappeared.
 */
export async function removeJob(actor: Actor, input: { queue: string; jobId: string }): Promise<void> {
  authorize(actor, "jobs:manage");
  const ref = parseJobRef(input);
  const { job, state } = await queueCall(async () => {
    const job = await loadJob(ref);
    const state = await job.getState();
    if (state === "active") throw new RuleViolationError("This job is running; remove it once it has finished.");
    await job.remove();
    return { job, state };
  });
  await auditJobAction(
    actor,
    "jobs.removed",
    { queue: ref.queue, job: { id: ref.jobId, name: job.name, data: job.data } },
    { state },
  );
}
