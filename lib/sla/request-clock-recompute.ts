import { type Actor, actorId, authorize } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { JOB_NAMES, getQueue } from "@/lib/jobs/queues";
import type { SlaRecomputePayload } from "@/lib/jobs/payloads";

/**
 * Queues a full recompute of every merchant's SLA clocks (the calendar and policy editors call
 * this after a change; leads can start one from /reports). While one is waiting, another request
 * joins it (BullMQ deduplication); once it runs, the processor drops the deduplication key, so a
 * change saved mid-run queues one more recompute that reads the new calendars and policies.
 */
export async function requestClockRecompute(actor: Actor): Promise<{ jobId: string }> {
  authorize(actor, "sla:recompute");
  const payload: SlaRecomputePayload = { requestedBy: actorId(actor) };
  const job = await queueCall(() =>
    getQueue("reports").add(JOB_NAMES.slaRecompute, payload, { deduplication: { id: JOB_NAMES.slaRecompute } }),
  );
  return { jobId: job.id ?? "" };
}
