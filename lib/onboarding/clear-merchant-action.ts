import { z } from "zod";
import { authorize, type Actor } from "@/lib/auth/actor";
import {
  enforce,
  merchantIdSchema,
  optionalNoteSchema,
  parseInput,
  recordChange,
  saveMerchant,
  withLockedMerchant,
  type VerbOptions,
} from "./merchant-write";
import { canChange } from "@/lib/pipeline/rules";

const inputSchema = z.object({
  merchantId: merchantIdSchema,
  note: optionalNoteSchema,
});

/** The merchant did what was asked: ball in court goes back to the current step's owner. No-op when nothing was asked. */
export async function clearMerchantAction(
  actor: Actor,
  input: { merchantId: string; note?: string },
  options?: VerbOptions,
): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId, note } = parseInput(inputSchema, input);

  await withLockedMerchant(
    merchantId,
    async (locked) => {
      const { tx, merchant, now } = locked;
      enforce(canChange({ cancelled: merchant.cancelledAt !== null }));
      if (merchant.merchantActionRequired === null) return;

      await saveMerchant(locked, locked.done, { merchantActionRequired: null });
      await recordChange(tx, {
        merchantId,
        actor,
        type: "action_cleared",
        note,
        evidence: { was: merchant.merchantActionRequired },
        at: now,
        action: "action_cleared",
      });
    },
    options,
  );
}
