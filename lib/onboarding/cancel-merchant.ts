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
import { canCancel } from "@/lib/pipeline/rules";

const inputSchema = z.object({ merchantId: merchantIdSchema, reason: reasonSchema });

/**
 * Cancels a merchant (leads and admins). Final: afterwards only notes are accepted, and the ball
 * is in nobody's court. Done steps and history stay as they were.
 */
export async function cancelMerchant(
  actor: Actor,
  input: { merchantId: string; reason: string },
  options?: VerbOptions,
): Promise<void> {
  authorize(actor, "merchant:cancel");
  const { merchantId, reason } = parseInput(inputSchema, input);

  await withLockedMerchant(
    merchantId,
    async (locked) => {
      const { tx, merchant, now } = locked;
      enforce(canCancel({ cancelled: merchant.cancelledAt !== null }, reason));

      await saveMerchant(locked, locked.done, { cancelledAt: now, cancelReason: reason });
      await recordChange(tx, {
        merchantId,
        actor,
        type: "cancelled",
        note: reason,
        at: now,
        action: "cancelled",
        details: { reason },
      });
    },
    options,
  );
}
