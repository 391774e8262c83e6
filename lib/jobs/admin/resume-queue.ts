import { getQueue } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { auditJobAction } from "./job-audit";
import { parseQueue } from "./job-ref";

/** Lets the workers take jobs of a paused queue again. Resuming a running queue writes no audit row. */
export async function resumeQueue(actor: Actor, input: { queue: string }): Promise<void> {
  authorize(actor, "jobs:manage");
  const name = parseQueue(input);
  const changed = await queueCall(async () => {
    const queue = getQueue(name);
    if (!(await queue.isPaused())) return false;
    await queue.resume();
    return true;
  });
  if (changed) await auditJobAction(actor, "jobs.queue_resumed", { queue: name });
}
