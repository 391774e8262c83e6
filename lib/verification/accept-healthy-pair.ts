import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchants } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { activateCredential } from "@/lib/credentials";
import { startMonitoring } from "@/lib/key-health/start-monitoring";
import type { Cluster } from "@/lib/lightspeed/clusters";
import type { ShopIdentity } from "@/lib/lightspeed/verify";
import type { RateLimitState } from "@/lib/lightspeed/vocabulary";
import { clearMerchantAction, completeStep } from "@/lib/onboarding";

const SYSTEM = systemActor("verification");

export type HealthyPair = {
  merchantId: string;
  credentialId: string;
  runId: string;
  cluster: Cluster | null;
  language?: string | null;
  rateLimit: RateLimitState | null;
  /** What Lightspeed reported; pinned as the merchant's shop when nothing is pinned yet. */
  shop: ShopIdentity | null;
};

/**
 * A pending pair whose healthy run belongs to the merchant's shop becomes the active pair: the
 * shop identity is pinned (first time only), the monitor starts, `key_verified` is completed with
 * the run as evidence, and the merchant's open action is cleared. In the caller's transaction,
 * which holds the merchant row lock. Used by record-verification and by a specialist's shop
 * confirmation (`actor`), so both paths apply exactly the same facts.
 */
export async function acceptHealthyPair(tx: Tx, pair: HealthyPair, actor: Actor = SYSTEM): Promise<void> {
  const { merchantId, credentialId, runId } = pair;
  await activateCredential(tx, credentialId, { cluster: pair.cluster, language: pair.language });
  if (pair.shop) await pinShopIdentity(tx, merchantId, pair.shop);
  await startMonitoring(tx, { merchantId, credentialId, cluster: pair.cluster, rateLimit: pair.rateLimit });
  await completeStep(
    actor,
    {
      merchantId,
      stage: "key_verified",
      evidence: { verificationRunId: runId, verdict: "healthy", cluster: pair.cluster },
    },
    { tx },
  );
  await clearMerchantAction(SYSTEM, { merchantId, note: "The API key verified healthy." }, { tx });
}

/** The first identity wins; later pairs are compared with it (shop-identity.ts), never re-pinned. */
export async function pinShopIdentity(tx: Tx, merchantId: string, shop: ShopIdentity): Promise<void> {
  await tx
    .update(merchants)
    .set({
      lightspeedAccountId: shop.accountId,
      lightspeedShopDomain: shop.domain,
      lightspeedIdentityPinnedAt: new Date(),
      shopIdentityReview: null,
    })
    .where(and(eq(merchants.id, merchantId), isNull(merchants.lightspeedAccountId)));
}
