import type { Job } from "bullmq";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";
import { sweepSlaWarnings } from "@/lib/onboarding/sweep-sla-warnings";

/** `sla-sweep` tick (every minute): the 75 % warnings whose instant passed. */
export async function processSlaSweep(job: Job) {
  parsePayload(tickPayload, job.data);
  return sweepSlaWarnings();
}
