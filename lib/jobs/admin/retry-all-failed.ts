import { getQueue } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { auditJobAction } from "./job-audit";
import { parseQueue } from "./job-ref";

/**
 * Puts every failed job of a queue back to waiting (BullMQ moves them in batches inside Redis).
 * The count is read just before, so the audit row says how many were involved at that moment.
 */
export async function retryAllFailed(actor: Actor, input: { queue: string }): Promise<{ count: number }> {
  authorize(actor, "jobs:manage");
  const name = parseQueue(input);
  const queue = getQueue(name);
  const count = await queueCall(async () => {
    const count = await queue.getJobCountByTypes("failed");
    if (count > 0) await queue.retryJobs({ state: "failed", count: 1000 });
    return count;
  });
  await auditJobAction(actor, "jobs.retried_all_failed", { queue: name }, { count });
  return { count };
}
