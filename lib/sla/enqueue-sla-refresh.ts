import "server-only";
import { getQueue, JOB_NAMES } from "@/lib/jobs/queues";
import { queueCall } from "@/lib/jobs/queue-call";
import { createLogger } from "@/lib/logger";

const log = createLogger("sla.refresh");

/**
 * Asks the worker to recompute every open merchant's stored due and warning instants (after the
 * agency calendar changed). The edit is already saved: if Redis is down it is logged, and the
 * `sla-sweep` tick's own refresh of passed warn instants keeps the warnings honest meanwhile.
 */
export async function enqueueSlaRefresh(): Promise<void> {
  try {
    await queueCall(() => getQueue("scheduler").add(JOB_NAMES.slaRefresh, {}, { jobId: `sla-refresh-${Date.now()}` }));
  } catch (error) {
    log.error("could not enqueue the SLA refresh; due times update at the next change", { error });
  }
}
