import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/db/client";
import { connectLinks, merchantCredentials, merchants, merchantSteps } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { recordHalves } from "@/lib/credentials/record-halves";
import { credentialHalfSchema } from "@/lib/credentials/credential-input";
import { RuleViolationError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { recordMerchantEvent } from "@/lib/onboarding";
import { enqueueVerification } from "@/lib/verification/enqueue-verification";
import { runVerification } from "@/lib/verification/run-verification";
import { countConnectAttempt } from "./attempt-limit";
import { linkState, type LinkState } from "./link-state";
import { otherShopResult, submissionResult, type SubmissionResult } from "./submission-message";
import { hashLinkToken } from "./token";

const log = createLogger("connect-links");
const LINK_ACTOR = systemActor("connect-link");

const pairSchema = z.object({ key: credentialHalfSchema("key"), secret: credentialHalfSchema("secret") });

const UNUSABLE: Record<Exclude<LinkState, "valid"> | "unknown", string> = {
  unknown: "This link is not valid. Please use the link from our email, or ask us for a new one.",
  expired: "This link has expired. Reply to our email and we will send you a new one.",
  revoked: "This link is no longer active. Reply to our email and we will send you a new one.",
  spent: "Your shop is already connected through this link; there is nothing more to do.",
};
const HEALTHY_PAIR_IN_PLACE =
  "Your shop is already connected with a working API key, so this link cannot replace it. If the key must change, reply to our email and we will set that up with you.";

/**
 * The merchant submits key + secret on the public page. Rate-limited per link and per IP; the
 * pair is recorded (system actor), verified on the spot, and the answer says in plain words what
 * is wrong. The link may be used again until a pair verifies healthy; then it (and every other
 * open link of the merchant) is spent. A verified active pair is never replaced through a link
 * unless the re-key flow reopened "Key verified" (the key broke, or staff asked for a new one).
 */
export async function submitConnectCredentials(
  token: string,
  input: { key: unknown; secret: unknown },
  context: { ip: string },
): Promise<SubmissionResult> {
  const tokenHash = hashLinkToken(String(token));
  await countConnectAttempt(tokenHash, context.ip || "unknown");

  const [link] = await db
    .select({
      id: connectLinks.id,
      merchantId: connectLinks.merchantId,
      expiresAt: connectLinks.expiresAt,
      revokedAt: connectLinks.revokedAt,
      spentAt: connectLinks.spentAt,
      cancelledAt: merchants.cancelledAt,
    })
    .from(connectLinks)
    .innerJoin(merchants, eq(merchants.id, connectLinks.merchantId))
    .where(eq(connectLinks.tokenHash, tokenHash))
    .limit(1);
  const state = !link ? "unknown" : link.cancelledAt ? "revoked" : linkState(link);
  if (!link || state !== "valid") throw new RuleViolationError(UNUSABLE[state as keyof typeof UNUSABLE]);

  const pair = parseInput(pairSchema, input, { fallback: "Check the key and the secret." });
  if (await hasVerifiedActivePair(link.merchantId)) throw new RuleViolationError(HEALTHY_PAIR_IN_PLACE);
  await db
    .update(connectLinks)
    .set({ attemptCount: sql`${connectLinks.attemptCount} + 1`, lastAttemptAt: new Date() })
    .where(eq(connectLinks.id, link.id));

  const { credentialId } = await recordHalves(
    LINK_ACTOR,
    { merchantId: link.merchantId, ...pair },
    { via: "connect_link" },
  );
  await db.update(connectLinks).set({ credentialId }).where(eq(connectLinks.id, link.id));

  let result: SubmissionResult;
  try {
    const { result: verification, identity } = await runVerification({ credentialId, trigger: "connect_link" });
    result =
      identity?.kind === "other_shop"
        ? otherShopResult(identity.message)
        : submissionResult(verification.verdict, verification.missing);
  } catch (error) {
    log.error("on-the-spot verification failed", { linkId: link.id, credentialId, error });
    result = submissionResult("unreachable", []);
  }
  // Lightspeed could not answer now: the queue retries, so the merchant need not come back.
  if (result.outcome === "check_later") await enqueueVerification({ credentialId, trigger: "connect_link" });

  await db.transaction(async (tx) => {
    if (result.outcome === "connected") {
      await tx
        .update(connectLinks)
        .set({ spentAt: new Date() })
        .where(and(eq(connectLinks.id, link.id), isNull(connectLinks.spentAt)));
    }
    await recordMerchantEvent(tx, {
      merchantId: link.merchantId,
      actor: LINK_ACTOR,
      type: "connect_link",
      evidence: {
        action: "submitted",
        linkId: link.id,
        credentialId,
        outcome: result.outcome,
        missing: result.missing,
      },
    });
  });
  return result;
}

/** An active pair with "Key verified" done: the re-key flow is not open, so nothing may replace it here. */
async function hasVerifiedActivePair(merchantId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: merchantCredentials.id })
    .from(merchantCredentials)
    .innerJoin(
      merchantSteps,
      and(eq(merchantSteps.merchantId, merchantCredentials.merchantId), eq(merchantSteps.stage, "key_verified")),
    )
    .where(and(eq(merchantCredentials.merchantId, merchantId), eq(merchantCredentials.status, "active")))
    .limit(1);
  return !!row;
}
