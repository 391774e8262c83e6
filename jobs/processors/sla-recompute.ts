import type { Job } from "bullmq";
import { systemActor } from "@/lib/auth/actor";
import { parsePayload, slaRecomputePayload } from "@/lib/jobs/payloads";
import { recomputeAllClocks } from "@/lib/sla/recompute-all-clocks";
import { asJobError } from "./job-errors";

/** `sla-recompute`: every merchant's SLA clocks; progress (0–100) shows on /reports. */
export async function processSlaRecompute(job: Job) {
  const { requestedBy } = parsePayload(slaRecomputePayload, job.data);
  // A request made from now on must run again after this one (it may follow a newer change).
  await job.removeDeduplicationKey();
  try {
    return await recomputeAllClocks(systemActor("sla-recompute"), {
      jobId: job.id,
      requestedBy,
      onProgress: ({ merchants, total }) =>
        job.updateProgress(total === 0 ? 100 : Math.round((merchants / total) * 100)),
    });
  } catch (error) {
    throw asJobError(error);
  }
}
