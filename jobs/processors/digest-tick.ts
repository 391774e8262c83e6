import type { Job } from "bullmq";
import { runDigestTick } from "@/lib/digests/digest-tick";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";

/** `digest-tick` (every 5 minutes): plan the staff digests due now and hand them to the mailers. */
export async function processDigestTick(job: Job) {
  parsePayload(tickPayload, job.data);
  return runDigestTick();
}
