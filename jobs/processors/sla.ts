import type { Job } from "bullmq";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";
import { refreshOpenSlaDueTimes } from "@/lib/sla/refresh-open-sla";
import { sweepSlaWarnings } from "@/lib/onboarding/sweep-sla-warnings";

/** `sla-sweep` tick (every minute): the 75 % warnings whose instant passed. */
export async function processSlaSweep(job: Job) {
  parsePayload(tickPayload, job.data);
  return sweepSlaWarnings();
}

/** `sla-refresh` (after an agency calendar change): every open merchant's stored due and warn instants. */
export async function processSlaRefresh(job: Job) {
  parsePayload(tickPayload, job.data);
  return refreshOpenSlaDueTimes();
}
