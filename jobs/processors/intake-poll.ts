import type { Job } from "bullmq";
import { pollMailbox } from "@/lib/intake/poll-mailbox";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";

/** `intake-poll` tick (INTAKE_POLL_EVERY_MS): read the access mailbox; no-op while the intake is off. */
export async function processIntakePoll(job: Job) {
  parsePayload(tickPayload, job.data);
  return pollMailbox();
}
