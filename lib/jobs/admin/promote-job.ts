import { authorize, type Actor } from "@/lib/auth/actor";
import { RuleViolationError } from "@/lib/errors";
import { queueCall } from "@/lib/jobs/queue-call";
import { auditJobAction } from "./job-audit";
import { loadJob, parseJobRef } from "./job-ref";

/** Runs a delayed job now (a backoff or a scheduled start), instead of waiting out its delay. */
export async function promoteJob(actor: Actor, input: { queue: string; jobId: string }): Promise<void> {
  authorize(actor, "jobs:manage");
  const ref = parseJobRef(input);
  const job = await queueCall(async () => {
    const job = await loadJob(ref);
    const state = await job.getState();
    if (state !== "delayed") throw new RuleViolationError(`This job is ${state}, not delayed; nothing to promote.`);
    await job.promote();
    return job;
  });
  await auditJobAction(actor, "jobs.promoted", {
    queue: ref.queue,
    job: { id: ref.jobId, name: job.name, data: job.data },
  });
}
