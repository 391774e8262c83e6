import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials, merchants, verificationRuns } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { activateCredential, markCredentialRejected } from "@/lib/credentials";
import { PENDING_STATUSES } from "@/lib/credentials/statuses";
import { applyCheckOutcome } from "@/lib/health/apply-check-outcome";
import { startMonitoring } from "@/lib/health/start-monitoring";
import type { VerifyResult } from "@/lib/lightspeed/verify";
import { clearMerchantAction, completeStep, recordMerchantEvent, requireMerchantAction } from "@/lib/onboarding";
import { isConclusive, verificationProblem } from "./verification-problem";
import type { VerificationTrigger } from "./vocabulary";

const SYSTEM = systemActor("verification");

const OUTCOME = { healthy: "ok", incomplete_permissions: "permission_gap", invalid_credentials: "invalid_credentials", rate_limited: "rate_limited", unreachable: "unreachable" } as const;

/**
 * Stores a full verification and applies what it means, all in one transaction (so a crash
 * leaves either both or neither, and the run key makes a replay a no-op):
 * - a pending pair that is healthy becomes the active pair, `key_verified` is completed, the
 *   merchant's open action is cleared and the monitor starts watching the pair;
 * - a pending pair that is rejected or lacks grants is marked rejected and the ball goes back to
 *   the merchant with the problem in plain words;
 * - the active pair ("Verify now" on a live key) is a full health check for the monitor;
 * - an inconclusive run (Lightspeed down or busy) changes nothing; the caller retries.
 * Returns the run id, or null when a run with this key exists already.
 */
export async function recordVerification(input: { credentialId: string; trigger: VerificationTrigger; runKey?: string; result: VerifyResult }): Promise<string | null> {
  const { credentialId, trigger, result } = input;
  const problem = verificationProblem(result);
  const conclusive = isConclusive(result.verdict);

  return db.transaction(async (tx) => {
    const [credential] = await tx.select({ merchantId: merchantCredentials.merchantId }).from(merchantCredentials).where(eq(merchantCredentials.id, credentialId));
    if (!credential) return null;
    const { merchantId } = credential;
    // Merchant row first (the onboarding verbs' lock order), then the credential.
    const [merchant] = await tx.select({ cancelledAt: merchants.cancelledAt }).from(merchants).where(eq(merchants.id, merchantId)).for("update");
    const [locked] = await tx.select({ status: merchantCredentials.status }).from(merchantCredentials).where(eq(merchantCredentials.id, credentialId)).for("update");
    if (!merchant || !locked) return null;

    const [run] = await tx
      .insert(verificationRuns)
      .values({
        merchantId,
        credentialId,
        kind: "full",
        trigger,
        verdict: result.verdict,
        cluster: result.cluster,
        grants: result.grants,
        missing: result.missing,
        rateLimit: result.rateLimit,
        requests: result.requests,
        durationMs: result.durationMs,
        error: problem.error,
        // Only a conclusive run claims the key: an inconclusive one is retried under the same key.
        runKey: conclusive ? (input.runKey ?? null) : null,
      })
      .onConflictDoNothing()
      .returning({ id: verificationRuns.id });
    if (!run) return null;

    const pending = (PENDING_STATUSES as readonly string[]).includes(locked.status);
    if (trigger !== "health" || pending) {
      await recordMerchantEvent(tx, {
        merchantId,
        actor: SYSTEM,
        type: "verification",
        evidence: { runId: run.id, credentialId, trigger, verdict: result.verdict, missing: result.missing, cluster: result.cluster },
        note: problem.merchantAction ?? problem.error,
      });
    }
    if (merchant.cancelledAt || !conclusive) return run.id;

    if (pending) {
      if (result.verdict === "healthy") {
        await activateCredential(tx, credentialId, { cluster: result.cluster, language: result.language });
        await startMonitoring(tx, { merchantId, credentialId, cluster: result.cluster, rateLimit: result.rateLimit });
        await completeStep(SYSTEM, { merchantId, stage: "key_verified", evidence: { verificationRunId: run.id, verdict: result.verdict, cluster: result.cluster } }, { tx });
        await clearMerchantAction(SYSTEM, { merchantId, note: "The API key verified healthy." }, { tx });
      } else if (problem.merchantAction) {
        await markCredentialRejected(tx, credentialId, problem.merchantAction);
        await requireMerchantAction(SYSTEM, { merchantId, reason: problem.merchantAction }, { tx });
      }
    } else if (locked.status === "active") {
      await applyCheckOutcome(tx, {
        merchantId,
        credentialId,
        observation: { kind: "full", outcome: OUTCOME[result.verdict], missing: result.missing, rateLimit: result.rateLimit, cluster: result.cluster, runId: run.id },
      });
    }
    return run.id;
  });
}
