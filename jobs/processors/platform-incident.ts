import type { Job } from "bullmq";
import { refreshPlatformIncident } from "@/lib/key-health/platform-incident";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";

/** `platform-incident` tick (every minute): open, keep or close the platform incident. */
export async function processPlatformIncident(job: Job) {
  parsePayload(tickPayload, job.data);
  return refreshPlatformIncident();
}
