import type { Job } from "bullmq";
import { runVerification } from "@/lib/verification/run-verification";
import { isConclusive } from "@/lib/key-checks/problem";
import { parsePayload, verifyKeyPayload } from "@/lib/jobs/payloads";
import { asJobError } from "./job-errors";
import { failureLine, logLine } from "./job-log";

/** `verify-key`: verifies a stored pair. An inconclusive verdict (Lightspeed down or busy) is retried with backoff. */
export async function processVerifyKey(job: Job) {
  const payload = parsePayload(verifyKeyPayload, job.data);
  await logLine(job, `Verifying key pair ${payload.credentialId} (trigger: ${payload.trigger}).`);
  try {
    const { runId, result } = await runVerification({ ...payload, runKey: job.id });
    await logLine(
      job,
      `Verdict: ${result.verdict}${result.cluster ? ` on cluster ${result.cluster}` : ""}` +
        (result.missing.length ? `; missing permissions: ${result.missing.join(", ")}` : "") +
        `; ${result.requests} request${result.requests === 1 ? "" : "s"} in ${result.durationMs} ms; run ${runId}.`,
    );
    if (!isConclusive(result.verdict)) throw new Error(`Verification inconclusive (${result.verdict}); will retry.`);
    return { runId, verdict: result.verdict };
  } catch (error) {
    await logLine(job, failureLine(job, error));
    throw asJobError(error);
  }
}
