import type { Job } from "bullmq";
import { parsePayload, sendEmailPayload } from "@/lib/jobs/payloads";
import { deliverOutboxEmail } from "@/lib/reminders/outbox/deliver-outbox-email";
import { asJobError } from "./job-errors";

/** `send-email`: one outbox email, sent at most once (the outbox claim decides, not the job). */
export async function processSendEmail(job: Job) {
  const { outboxId } = parsePayload(sendEmailPayload, job.data);
  try {
    return { outcome: await deliverOutboxEmail(outboxId) };
  } catch (error) {
    throw asJobError(error);
  }
}
