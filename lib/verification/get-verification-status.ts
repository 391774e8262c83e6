import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { parseId } from "@/lib/validation/parse-id";
import { db } from "@/db/client";
import { merchantCredentials, verificationRuns } from "@/db/schema";
import { queueCall } from "@/lib/jobs/queue-call";
import { getQueue } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Verdict } from "@/lib/lightspeed/vocabulary";

const inputSchema = z.object({
  jobId: z
    .string()
    .regex(/^verify-key\.[0-9a-f-]{36}\.[a-z0-9._-]+$/)
    .optional(),
});

export type VerificationStatus = {
  latestRun: { id: string; verdict: Verdict; createdAt: string } | null;
  job: { state: string; failedReason: string | null } | null;
};

/**
 * What the "Verify now" button polls: the newest run, and the state of the job it queued (so a
 * failed job stops the spinner). A job id that does not belong to this merchant reads as none.
 */
export async function getVerificationStatus(
  actor: Actor,
  input: { merchantId: string; jobId?: string },
): Promise<VerificationStatus> {
  authorize(actor, "merchant:read");
  const merchantId = parseId(input.merchantId, "Merchant");
  const { jobId } = inputSchema.parse({ jobId: input.jobId });
  const [latest] = await db
    .select({ id: verificationRuns.id, verdict: verificationRuns.verdict, createdAt: verificationRuns.createdAt })
    .from(verificationRuns)
    .where(eq(verificationRuns.merchantId, merchantId))
    .orderBy(desc(verificationRuns.createdAt))
    .limit(1);

  let job: VerificationStatus["job"] = null;
  const credentialId = jobId?.split(".")[1];
  if (jobId && credentialId) {
    const [owner] = await db
      .select({ merchantId: merchantCredentials.merchantId })
      .from(merchantCredentials)
      .where(eq(merchantCredentials.id, credentialId));
    if (owner?.merchantId === merchantId) {
      // Bounded: while Redis is down the poll still answers (with the newest run and no job state).
      job = await queueCall(async () => {
        const found = await getQueue("verification").getJob(jobId);
        return found ? { state: await found.getState(), failedReason: found.failedReason || null } : null;
      }).catch(() => null);
    }
  }
  return { latestRun: latest ? { ...latest, createdAt: latest.createdAt.toISOString() } : null, job };
}
