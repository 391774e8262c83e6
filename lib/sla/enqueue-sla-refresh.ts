import "server-only";
import { getQueue, JOB_NAMES } from "@/lib/jobs/queues";
import { queueCall } from "@/lib/jobs/queue-call";
import type { Actor } from "@/lib/auth/actor";
import { createLogger } from "@/lib/logger";
import { requestClockRecompute } from "./request-clock-recompute";

const log = createLogger("sla.refresh");

/**
 * Asks the worker to recompute every open merchant's stored due and warning instants (after the
 * agency calendar changed). The edit is already saved: if Redis is down it is logged, and the
 * `sla-sweep` tick's own refresh of passed warn instants keeps the warnings honest meanwhile.
 * The reports' per-step clocks are rebuilt by the full recompute on the `reports` queue.
 */
export async function enqueueSlaRefresh(actor: Actor): Promise<void> {
  try {
    await queueCall(() => getQueue("scheduler").add(JOB_NAMES.slaRefresh, {}, { jobId: `sla-refresh-${Date.now()}` }));
    await requestClockRecompute(actor);
  } catch (error) {
    log.error("could not enqueue the SLA refresh; due times update at the next change", { error });
  }
}
