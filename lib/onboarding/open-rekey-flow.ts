import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { merchantSteps } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import {
  enforce,
  merchantIdSchema,
  parseInput,
  reasonSchema,
  recordChange,
  saveMerchant,
  withLockedMerchant,
  type VerbOptions,
} from "./merchant-write";
import { canChange, canUndo, rekeyPlan, REKEY_KEEPS } from "@/lib/pipeline/rules";

const inputSchema = z.object({ merchantId: merchantIdSchema, reason: reasonSchema });

/**
 * A key stopped working (rejected, or a permission was removed): reopen the key steps
 * (key_verified, secret_received, key_received, in that order) while `live` stays done, and ask
 * the merchant for a new pair. The old credential is not touched here; it stays until a new
 * pair verifies. Opening it again with the same reason and nothing left to undo records nothing.
 */
export async function openRekeyFlow(
  actor: Actor,
  input: { merchantId: string; reason: string },
  options?: VerbOptions,
): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId, reason } = parseInput(inputSchema, input);

  await withLockedMerchant(
    merchantId,
    async (locked) => {
      const { tx, merchant, now } = locked;
      enforce(canChange({ cancelled: merchant.cancelledAt !== null }));
      const plan = rekeyPlan(locked.done);
      if (plan.length === 0 && merchant.merchantActionRequired === reason) return;

      const done = new Set(locked.done);
      for (const stage of plan) {
        enforce(canUndo(stage, done, { keep: REKEY_KEEPS }));
        done.delete(stage);
      }
      const removed = plan.length
        ? await tx
            .delete(merchantSteps)
            .where(and(eq(merchantSteps.merchantId, merchantId), inArray(merchantSteps.stage, plan)))
            .returning()
        : [];

      await saveMerchant(locked, done, { merchantActionRequired: reason });
      await recordChange(tx, {
        merchantId,
        actor,
        type: "rekey_opened",
        note: reason,
        evidence: {
          undone: plan,
          previous: Object.fromEntries(
            removed.map((r) => [r.stage, { completedAt: r.completedAt.toISOString(), evidence: r.evidence }]),
          ),
        },
        at: now,
        action: "rekey_opened",
        details: { reason },
      });
    },
    options,
  );
}
