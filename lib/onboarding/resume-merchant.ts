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
import { canResume } from "@/lib/pipeline/rules";

const inputSchema = z.object({
  merchantId: merchantIdSchema,
  note: optionalNoteSchema,
});

/** Ends a hold. The waiting clock of the current step restarts, so time on hold is not counted as waiting. */
export async function resumeMerchant(
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
      enforce(canResume({ cancelled: merchant.cancelledAt !== null, onHold: merchant.onHold }));

      await saveMerchant(locked, locked.done, { onHold: false, holdReason: null, holdUntil: null });
      await recordChange(tx, {
        merchantId,
        actor,
        type: "resumed",
        note,
        evidence: { heldFor: merchant.holdReason, until: merchant.holdUntil?.toISOString() ?? null },
        at: now,
        action: "resumed",
      });
    },
    options,
  );
}
