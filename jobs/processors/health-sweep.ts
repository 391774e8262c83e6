import type { Job } from "bullmq";
import { sweepDueChecks } from "@/lib/health/sweep-due-checks";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";

/** `health-sweep` tick (every minute): enqueue the checks that are due in PostgreSQL. */
export async function processHealthSweep(job: Job) {
  parsePayload(tickPayload, job.data);
  return sweepDueChecks();
}
