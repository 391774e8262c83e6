import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, merchants } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { recordMerchantEvent } from "@/lib/onboarding";
import { pinShopIdentity } from "./accept-healthy-pair";
import { describeShop } from "./shop-identity";

const inputSchema = z.object({ merchantId: z.uuid("Not a merchant id") });

/**
 * A specialist confirms that the shop Lightspeed reported for the first healthy key is the
 * merchant's, although its domain differs from the sign-up (a rebrand, a typo on the form). The
 * shop is pinned (later keys must belong to it) and Live is no longer held back. If it is not
 * the merchant's shop, the specialist asks for another key instead: nothing was pinned.
 */
export async function confirmShopIdentity(actor: Actor, input: { merchantId: string }): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId } = inputSchema.parse(input);

  await db.transaction(async (tx) => {
    const [merchant] = await tx.select().from(merchants).where(eq(merchants.id, merchantId)).for("update");
    if (!merchant) throw new NotFoundError("Merchant");
    if (merchant.cancelledAt) throw new RuleViolationError("This merchant was cancelled; only notes can be added.");
    const review = merchant.shopIdentityReview;
    if (!review) throw new RuleViolationError("There is no shop to confirm for this merchant.");

    const shop = { accountId: review.accountId, domain: review.reportedDomain, title: review.reportedTitle };
    await pinShopIdentity(tx, merchantId, shop);
    await tx.update(merchants).set({ shopIdentityReview: null }).where(eq(merchants.id, merchantId));
    const note = `Confirmed that ${describeShop(shop)} is the merchant's shop (signed up as ${review.signupDomain}).`;
    await recordMerchantEvent(tx, {
      merchantId,
      actor,
      type: "verification",
      evidence: { action: "shop_confirmed", runId: review.runId, shopDomain: shop.domain },
      note,
    });
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "merchant.shop_confirmed",
      entityType: "merchant",
      entityId: merchantId,
      details: { ...shop, signupDomain: review.signupDomain },
    });
  });
}
