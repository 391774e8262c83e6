import { db } from "@/db/client";
import { cancelMerchant } from "@/lib/onboarding";
import type { Step } from "@/lib/pipeline/steps";
import { refreshMerchantClocks } from "@/lib/sla/refresh-merchant-clocks";
import { rewriteHistory } from "@/tests/helpers/rewrite-history";
import { createMerchant } from "./merchant";
import { createStaff } from "./staff";

/**
 * A merchant with a known SLA history: built through the real verbs, then its events (and its
 * sign-up time) moved to the given instants, then its clocks recomputed, as if it had happened so.
 * `steps` lists completions in guide order; `cancelledAt` cancels it afterwards.
 */
export type SlaHistory = {
  signedUpAt: string;
  steps: [Step, string][];
  cancelledAt?: string;
  specialistId?: string;
  country?: string;
};

export async function createMerchantWithHistory(history: SlaHistory) {
  const merchant = await createMerchant(
    { country: history.country ?? "NL", cluster: "eu1", language: "nl" },
    { completed: history.steps.map(([stage]) => stage), specialistId: history.specialistId },
  );
  if (history.cancelledAt)
    await cancelMerchant((await createStaff({ role: "lead" })).actor, {
      merchantId: merchant.id,
      reason: "Merchant stopped",
    });
  await rewriteHistory(async (tx) => {
    await tx`update merchant_events set created_at = ${history.signedUpAt}
      where merchant_id = ${merchant.id} and type in ('signed_up', 'assigned')`;
    for (const [stage, at] of history.steps)
      await tx`update merchant_events set created_at = ${at}
        where merchant_id = ${merchant.id} and type = 'stage_completed' and stage = ${stage}`;
    if (history.cancelledAt)
      await tx`update merchant_events set created_at = ${history.cancelledAt}
        where merchant_id = ${merchant.id} and type = 'cancelled'`;
    await tx`update merchants set created_at = ${history.signedUpAt},
      cancelled_at = ${history.cancelledAt ?? null} where id = ${merchant.id}`;
  });
  await db.transaction((tx) => refreshMerchantClocks(tx, merchant.id));
  return merchant;
}
