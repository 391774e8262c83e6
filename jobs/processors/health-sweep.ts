import type { Job } from "bullmq";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { sweepGapRechecks } from "@/lib/key-health/sweep-gap-rechecks";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";
import { logLine } from "./job-log";

/** `health-sweep` tick (every minute): enqueue the checks, and the permission-gap re-checks, due in PostgreSQL. */
export async function processHealthSweep(job: Job) {
  parsePayload(tickPayload, job.data);
  const [checks, rechecks] = await Promise.all([sweepDueChecks(), sweepGapRechecks()]);
  await logLine(job, `Enqueued ${checks.enqueued} due checks and ${rechecks.enqueued} permission-gap re-checks.`);
  return { ...checks, rechecks: rechecks.enqueued };
}
