import { z } from "zod";
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
import { canChange } from "@/lib/pipeline/rules";

const inputSchema = z.object({ merchantId: merchantIdSchema, reason: reasonSchema });

/**
 * Records that the merchant must act (e.g. "tick Orders → Write") although the current step may
 * be ours: ball in court becomes the merchant until `clearMerchantAction`. Asking the same thing
 * again records nothing.
 */
export async function requireMerchantAction(
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
      if (merchant.merchantActionRequired === reason) return;

      await saveMerchant(locked, locked.done, { merchantActionRequired: reason });
      await recordChange(tx, {
        merchantId,
        actor,
        type: "action_required",
        note: reason,
        at: now,
        action: "action_required",
        details: { reason },
      });
    },
    options,
  );
}
