import type { Job } from "bullmq";
import { systemActor } from "@/lib/auth/actor";
import { parsePayload, slaRecomputePayload } from "@/lib/jobs/payloads";
import { recomputeAllClocks } from "@/lib/sla/recompute-all-clocks";
import { refreshReportSummary } from "@/lib/sla/reports/report-summary";
import { asJobError } from "./job-errors";

/** `sla-recompute`: every merchant's SLA clocks; progress (0–100) shows on /reports. */
export async function processSlaRecompute(job: Job) {
  const { requestedBy } = parsePayload(slaRecomputePayload, job.data);
  // A request made from now on must run again after this one (it may follow a newer change).
  await job.removeDeduplicationKey();
  try {
    const result = await recomputeAllClocks(systemActor("sla-recompute"), {
      jobId: job.id,
      requestedBy,
      onProgress: ({ merchants, total }) =>
        job.updateProgress(total === 0 ? 100 : Math.round((merchants / total) * 100)),
    });
    // The days the recompute changed are marked dirty: bring the report's summary up to them now
    // rather than at the next minute's tick.
    await refreshReportSummary();
    return result;
  } catch (error) {
    throw asJobError(error);
  }
}
