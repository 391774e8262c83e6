import type { Job } from "bullmq";
import { runIncidentCanary } from "@/lib/key-health/platform-incident-canary";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";

/** `incident-canary` tick: while a platform incident is open, check whether Lightspeed answers again. */
export async function processIncidentCanary(job: Job) {
  parsePayload(tickPayload, job.data);
  return runIncidentCanary();
}
