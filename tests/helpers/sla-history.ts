import { db } from "@/db/client";
import { refreshMerchantClocks } from "@/lib/sla/refresh-merchant-clocks";
import { rewriteHistory } from "./rewrite-history";

/**
 * Moves a merchant's whole history `ms` into the past (events, steps, derived timestamps), then
 * recomputes its stored SLA instants as the stage machine would have: a known history without waiting.
 */
export async function shiftHistory(merchantId: string, ms: number): Promise<void> {
  const interval = `${Math.round(ms)} milliseconds`;
  await rewriteHistory(async (tx) => {
    await tx`update merchant_events set created_at = created_at - ${interval}::interval where merchant_id = ${merchantId}`;
    await tx`update merchant_steps set completed_at = completed_at - ${interval}::interval where merchant_id = ${merchantId}`;
    await tx`update merchants set stage_entered_at = stage_entered_at - ${interval}::interval,
      created_at = created_at - ${interval}::interval where id = ${merchantId}`;
  });
  await db.transaction((tx) => refreshMerchantClocks(tx, merchantId));
}
