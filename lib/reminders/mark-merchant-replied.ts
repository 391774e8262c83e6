import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { merchantReminderSettings, merchants } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { recordMerchantEvent } from "@/lib/onboarding/record-merchant-event";
import { parseInput } from "@/lib/validation/parse-input";
import { eq } from "drizzle-orm";

const inputSchema = z.object({ merchantId: z.uuid("Not a merchant id") });

/** A specialist marks that the merchant replied: reminders about the current step stop (the next tick records it). */
export async function markMerchantReplied(actor: Actor, input: { merchantId: string }): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId } = parseInput(inputSchema, input);
  await db.transaction(async (tx) => {
    const [merchant] = await tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId));
    if (!merchant) throw new NotFoundError("Merchant");
    await tx
      .insert(merchantReminderSettings)
      .values({ merchantId, merchantRepliedAt: new Date() })
      .onConflictDoUpdate({
        target: merchantReminderSettings.merchantId,
        set: { merchantRepliedAt: sql`now()`, updatedAt: sql`now()` },
      });
    await recordMerchantEvent(tx, { merchantId, actor, type: "reminder", evidence: { action: "replied" } });
  });
}
