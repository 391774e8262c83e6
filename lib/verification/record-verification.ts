import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials, merchants, verificationRuns } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { markCredentialRejected } from "@/lib/credentials";
import { PENDING_STATUSES } from "@/lib/credentials/statuses";
import { applyCheckOutcome } from "@/lib/key-health/apply-check-outcome";
import type { VerifyResult } from "@/lib/lightspeed/verify";
import { recordMerchantEvent, requireMerchantAction } from "@/lib/onboarding";
import { acceptHealthyPair, pinShopIdentity } from "./accept-healthy-pair";
import { planGapRecheck } from "./plan-gap-recheck";
import { judgeShopIdentity, type IdentityJudgement } from "./shop-identity";
import { isConclusive, verificationProblem } from "@/lib/key-checks/problem";
import { CHECK_OUTCOME_FOR_VERDICT, type VerificationTrigger } from "@/lib/key-checks/vocabulary";

const SYSTEM = systemActor("verification");

/**
 * Stores a full verification and applies what it means, all in one transaction (so a crash
 * leaves either both or neither, and the run key makes a replay a no-op):
 * - a pending pair that is healthy becomes the active pair, `key_verified` is completed, the
 *   merchant's open action is cleared and the monitor starts watching the pair — if it belongs to
 *   the merchant's shop: a pair of another Lightspeed account is rejected naming that shop; a
 *   first pair whose domain disagrees with the sign-up is used but not pinned, and flagged for a
 *   specialist to confirm (Live waits for it; shop-identity.ts);
 * - a pending pair that is rejected or lacks grants is marked rejected and the ball goes back to
 *   the merchant with the problem in plain words;
 * - the active pair ("Verify now" on a live key) is a full health check for the monitor;
 * - an inconclusive run (Lightspeed down or busy) changes nothing; the caller retries.
 * Returns the run id and the console's own refusal of a healthy pair (another shop, or a domain
 * to confirm), or null when a run with this key exists already.
 */
export type RecordedVerification = {
  runId: string;
  identity: Exclude<IdentityJudgement, { kind: "pin" | "same_shop" }> | null;
};

export async function recordVerification(input: {
  credentialId: string;
  trigger: VerificationTrigger;
  runKey?: string;
  result: VerifyResult;
}): Promise<RecordedVerification | null> {
  const { credentialId, trigger, result } = input;
  const problem = verificationProblem(result);
  const conclusive = isConclusive(result.verdict);

  return db.transaction(async (tx) => {
    const [credential] = await tx
      .select({ merchantId: merchantCredentials.merchantId })
      .from(merchantCredentials)
      .where(eq(merchantCredentials.id, credentialId));
    if (!credential) return null;
    const { merchantId } = credential;
    // Merchant row first (the onboarding verbs' lock order), then the credential.
    const [merchant] = await tx
      .select({
        cancelledAt: merchants.cancelledAt,
        shopDomain: merchants.shopDomain,
        lightspeedAccountId: merchants.lightspeedAccountId,
        lightspeedShopDomain: merchants.lightspeedShopDomain,
      })
      .from(merchants)
      .where(eq(merchants.id, merchantId))
      .for("update");
    const [locked] = await tx
      .select({ status: merchantCredentials.status, gapSeenAt: merchantCredentials.gapSeenAt })
      .from(merchantCredentials)
      .where(eq(merchantCredentials.id, credentialId))
      .for("update");
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
    const judged =
      pending && result.verdict === "healthy" && result.shop
        ? judgeShopIdentity({
            pinned: { accountId: merchant.lightspeedAccountId, domain: merchant.lightspeedShopDomain },
            signupDomain: merchant.shopDomain,
            reported: result.shop,
          })
        : null;
    const identity = judged && (judged.kind === "other_shop" || judged.kind === "review") ? judged : null;
    // A scheduled re-check that finds the same gap again is history, not news for the timeline.
    const quietRecheck =
      trigger === "health" && locked.status === "rejected" && result.verdict === "incomplete_permissions";
    if ((trigger !== "health" || pending) && !quietRecheck) {
      await recordMerchantEvent(tx, {
        merchantId,
        actor: SYSTEM,
        type: "verification",
        evidence: {
          runId: run.id,
          credentialId,
          trigger,
          verdict: result.verdict,
          missing: result.missing,
          cluster: result.cluster,
          shopDomain: result.shop?.domain ?? null,
        },
        note: identity?.message ?? problem.merchantAction ?? problem.error,
      });
    }
    if (merchant.cancelledAt || !conclusive) return { runId: run.id, identity: null };

    if (pending) {
      await tx
        .update(merchantCredentials)
        .set(planGapRecheck(result.verdict, locked.gapSeenAt, new Date(), result.rateLimit))
        .where(eq(merchantCredentials.id, credentialId));
      if (identity?.kind === "other_shop") {
        await markCredentialRejected(tx, credentialId, identity.message);
        await requireMerchantAction(SYSTEM, { merchantId, reason: identity.message }, { tx });
      } else if (result.verdict === "healthy") {
        // A domain to confirm does not stop a working key; it is not pinned, and Live waits for the confirmation.
        const pin = identity?.kind === "review" ? null : result.shop;
        await acceptHealthyPair(tx, {
          merchantId,
          credentialId,
          runId: run.id,
          cluster: result.cluster,
          language: result.language,
          rateLimit: result.rateLimit,
          shop: pin,
        });
        if (identity?.kind === "review") {
          await tx
            .update(merchants)
            .set({
              shopIdentityReview: {
                credentialId,
                runId: run.id,
                accountId: result.shop!.accountId,
                reportedDomain: result.shop!.domain,
                reportedTitle: result.shop!.title,
                signupDomain: merchant.shopDomain,
                flaggedAt: new Date().toISOString(),
              },
            })
            .where(eq(merchants.id, merchantId));
        }
      } else if (problem.merchantAction) {
        await markCredentialRejected(tx, credentialId, problem.merchantAction);
        await requireMerchantAction(SYSTEM, { merchantId, reason: problem.merchantAction }, { tx });
      }
    } else if (locked.status === "active") {
      // A pair activated before identities were pinned pins the shop at its next healthy run.
      if (result.verdict === "healthy" && result.shop && merchant.lightspeedAccountId === null)
        await pinShopIdentity(tx, merchantId, result.shop);
      await applyCheckOutcome(tx, {
        merchantId,
        credentialId,
        observation: {
          kind: "full",
          outcome: CHECK_OUTCOME_FOR_VERDICT[result.verdict],
          missing: result.missing,
          rateLimit: result.rateLimit,
          cluster: result.cluster,
          runId: run.id,
        },
      });
    }
    return { runId: run.id, identity };
  });
}
