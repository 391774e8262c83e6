import type { Job } from "bullmq";
import { runHealthCheck } from "@/lib/key-health/run-health-check";
import { healthCheckPayload, parsePayload } from "@/lib/jobs/payloads";
import { asJobError } from "./job-errors";
import { failureLine, logLine } from "./job-log";

/** `health-check`: one due light or full check of a merchant's active pair. */
export async function processHealthCheck(job: Job) {
  const payload = parsePayload(healthCheckPayload, job.data);
  await logLine(job, `Running the ${payload.kind} check of merchant ${payload.merchantId}, due ${payload.dueAt}.`);
  try {
    const outcome = await runHealthCheck(payload);
    await logLine(
      job,
      outcome.status === "checked"
        ? `Checked: ${outcome.outcome.replaceAll("_", " ")} (run ${outcome.runId}).`
        : `Skipped: ${outcome.why}.`,
    );
    return outcome;
  } catch (error) {
    await logLine(job, failureLine(job, error));
    throw asJobError(error);
  }
}
