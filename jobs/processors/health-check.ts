import type { Job } from "bullmq";
import { runHealthCheck } from "@/lib/key-health/run-health-check";
import { healthCheckPayload, parsePayload } from "@/lib/jobs/payloads";
import { asJobError } from "./job-errors";

/** `health-check`: one due light or full check of a merchant's active pair. */
export async function processHealthCheck(job: Job) {
  const payload = parsePayload(healthCheckPayload, job.data);
  try {
    return await runHealthCheck(payload);
  } catch (error) {
    throw asJobError(error);
  }
}
