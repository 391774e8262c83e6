import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { merchantCredentials, verificationRuns } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { QueueUnavailableError, queueCall } from "@/lib/jobs/queue-call";
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, getQueue } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/logger";
import { VERIFICATION_TRIGGERS, type VerificationTrigger } from "@/lib/key-checks/vocabulary";

const inputSchema = z.object({ credentialId: z.uuid(), trigger: z.enum(VERIFICATION_TRIGGERS) });
const log = createLogger("verification.enqueue");

export { QueueUnavailableError };
const UNAVAILABLE =
  "The verification queue is unavailable right now (Redis cannot be reached). Please try again in a minute.";

/**
 * Queues a `verify-key` job for a stored pair. The job id is deterministic: it names the pair
 * version (bumped whenever a half changes) and the trigger, so a double click, a retried request
 * or both halves arriving at once yield one job. "Verify now" (and a health re-verification) adds
 * the number of runs so far: a second click before the run lands is the same job; a click after
 * it lands is a new run. The payload is ids only.
 */
export async function enqueueVerification(input: {
  credentialId: string;
  trigger: VerificationTrigger;
}): Promise<{ jobId: string; enqueued: boolean }> {
  const { credentialId, trigger } = inputSchema.parse(input);
  const [credential] = await db
    .select({ version: merchantCredentials.version })
    .from(merchantCredentials)
    .where(eq(merchantCredentials.id, credentialId));
  if (!credential) throw new NotFoundError("Credential");

  let suffix: string = trigger;
  if (trigger === "verify_now" || trigger === "health") {
    const [runs] = await db
      .select({ n: count() })
      .from(verificationRuns)
      .where(eq(verificationRuns.credentialId, credentialId));
    suffix = `${trigger}-${runs?.n ?? 0}`;
  }
  // BullMQ ids may not contain ":"; dots keep them readable on /admin/jobs.
  const jobId = `verify-key.${credentialId}.v${credential.version}.${suffix}`;
  const queue = getQueue("verification");

  // Bounded: "Verify now" answers within seconds while Redis is down or frozen (QueueUnavailableError).
  const requeued = await queueCall(
    async () => {
      const existing = await queue.getJob(jobId);
      if (existing) {
        // A failed job keeps its id; asking again means "try again", not "nothing to do".
        if ((await existing.getState()) !== "failed") return false;
        await existing.retry("failed", { resetAttemptsMade: true });
        return true;
      }
      await queue.add(JOB_NAMES.verifyKey, { credentialId, trigger }, { ...DEFAULT_JOB_OPTIONS.verification, jobId });
      return null;
    },
    { message: UNAVAILABLE },
  );
  if (requeued === false) return { jobId, enqueued: false };
  if (requeued) {
    log.info("verification re-queued", { jobId, trigger });
    return { jobId, enqueued: true };
  }
  log.info("verification queued", { jobId, trigger });
  return { jobId, enqueued: true };
}
