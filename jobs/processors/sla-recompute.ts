import type { Job } from "bullmq";
import { systemActor } from "@/lib/auth/actor";
import { parsePayload, slaRecomputePayload, type SlaRecomputePayload } from "@/lib/jobs/payloads";
import { recomputeAllClocks } from "@/lib/sla/recompute-all-clocks";
import { refreshReportSummary } from "@/lib/sla/reports/report-summary";
import { asJobError } from "./job-errors";

/**
 * `sla-recompute`: every merchant's SLA clocks (due instants and report rows); progress (0–100)
 * shows on /reports. The cursor after each batch goes into the job's data, so a retried or
 * stalled-and-restarted job carries on where it stopped.
 */
export async function processSlaRecompute(job: Job) {
  const payload = parsePayload(slaRecomputePayload, job.data);
  // A request made from now on must run again after this one (it may follow a newer change).
  await job.removeDeduplicationKey();
  try {
    const result = await recomputeAllClocks(systemActor("sla-recompute"), {
      jobId: job.id,
      requestedBy: payload.requestedBy,
      resume: payload.cursor ?? null,
      onProgress: async ({ total, ...cursor }) => {
        const next: SlaRecomputePayload = { requestedBy: payload.requestedBy, cursor };
        await job.updateData(next);
        await job.updateProgress(total === 0 ? 100 : Math.min(100, Math.round((cursor.merchants / total) * 100)));
      },
    });
    await job.updateProgress(100);
    // The days the recompute changed are marked dirty: bring the report's summary up to them now
    // rather than at the next minute's tick.
    await refreshReportSummary();
    return result;
  } catch (error) {
    throw asJobError(error);
  }
}
