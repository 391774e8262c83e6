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
import { canHold } from "@/lib/pipeline/rules";

const inputSchema = z.object({
  merchantId: merchantIdSchema,
  reason: reasonSchema,
  until: z.coerce.date().nullish(),
});

/**
 * Puts a merchant on hold (reminders and SLA clocks skip it). Steps may still be completed while
 * on hold. Holding again updates the reason and until-date.
 */
export async function holdMerchant(
  actor: Actor,
  input: { merchantId: string; reason: string; until?: Date | null },
  options?: VerbOptions,
): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId, reason, until } = parseInput(inputSchema, input);

  await withLockedMerchant(
    merchantId,
    async (locked) => {
      const { tx, merchant, now } = locked;
      enforce(canHold({ cancelled: merchant.cancelledAt !== null, onHold: merchant.onHold }, { reason, until }, now));

      await saveMerchant(locked, locked.done, { onHold: true, holdReason: reason, holdUntil: until ?? null });
      await recordChange(tx, {
        merchantId,
        actor,
        type: "held",
        note: reason,
        evidence: { until: until?.toISOString() ?? null, extended: merchant.onHold },
        at: now,
        action: "held",
        details: { reason },
      });
    },
    options,
  );
}
