import type { Job } from "bullmq";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";
import { refreshReportSummary } from "@/lib/sla/reports/report-summary";
import { sweepSlaWarnings } from "@/lib/onboarding/sweep-sla-warnings";

/** `sla-sweep` tick (every minute): the 75 % warnings whose instant passed. */
export async function processSlaSweep(job: Job) {
  parsePayload(tickPayload, job.data);
  return sweepSlaWarnings();
}

/** `sla-report-summary` tick (every minute): the report summary's days changed since the last run. */
export async function processSlaReportSummary(job: Pick<Job, "data">) {
  parsePayload(tickPayload, job.data);
  return refreshReportSummary();
}
