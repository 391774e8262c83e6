import type { Job } from "bullmq";
import { runVerification } from "@/lib/verification/run-verification";
import { isConclusive } from "@/lib/key-checks/problem";
import { parsePayload, verifyKeyPayload } from "@/lib/jobs/payloads";
import { asJobError } from "./job-errors";

/** `verify-key`: verifies a stored pair. An inconclusive verdict (Lightspeed down or busy) is retried with backoff. */
export async function processVerifyKey(job: Job) {
  const payload = parsePayload(verifyKeyPayload, job.data);
  try {
    const { runId, result } = await runVerification({ ...payload, runKey: job.id });
    if (!isConclusive(result.verdict)) throw new Error(`Verification inconclusive (${result.verdict}); will retry.`);
    return { runId, verdict: result.verdict };
  } catch (error) {
    throw asJobError(error);
  }
}
