import { getQueue } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { auditJobAction } from "./job-audit";
import { parseQueue } from "./job-ref";

/**
 * Stops every worker from taking new jobs of this queue (running ones finish); jobs keep being
 * added and wait. Pausing a paused queue changes nothing and writes no audit row.
 */
export async function pauseQueue(actor: Actor, input: { queue: string }): Promise<void> {
  authorize(actor, "jobs:manage");
  const name = parseQueue(input);
  const changed = await queueCall(async () => {
    const queue = getQueue(name);
    if (await queue.isPaused()) return false;
    await queue.pause();
    return true;
  });
  if (changed) await auditJobAction(actor, "jobs.queue_paused", { queue: name });
}
