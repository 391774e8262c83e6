import type { Job } from "bullmq";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";
import { runReminderTick } from "@/lib/reminders/reminder-tick";

/** `reminder-tick` (every minute): plan due reminders in bulk, stop what must stop, enqueue due emails. */
export async function processReminderTick(job: Job) {
  parsePayload(tickPayload, job.data);
  return runReminderTick();
}
