import { and, asc, isNotNull, isNull, lte, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { RuleViolationError } from "@/lib/errors";
import { resumeMerchant } from "./resume-merchant";

/**
 * Records the resume of every hold whose until-date has passed (for a periodic job). Each merchant
 * is resumed in its own transaction through `resumeMerchant`, so a merchant resumed by hand in the
 * meantime is skipped rather than failing the batch.
 */
export async function resumeExpiredHolds(
  actor: Actor,
  { now = new Date(), limit = 500 } = {},
): Promise<{ resumed: number }> {
  authorize(actor, "merchant:update");
  const due = await db
    .select({ id: merchants.id })
    .from(merchants)
    .where(
      and(
        eq(merchants.onHold, true),
        isNotNull(merchants.holdUntil),
        lte(merchants.holdUntil, now),
        isNull(merchants.cancelledAt),
      ),
    )
    .orderBy(asc(merchants.holdUntil))
    .limit(limit);
  let resumed = 0;
  for (const { id } of due) {
    try {
      await resumeMerchant(actor, { merchantId: id, note: "The hold's until-date has passed." });
      resumed++;
    } catch (error) {
      if (!(error instanceof RuleViolationError)) throw error;
    }
  }
  return { resumed };
}
