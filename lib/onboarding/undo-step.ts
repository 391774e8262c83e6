import { and, eq } from "drizzle-orm";
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
import { stepSchema } from "@/lib/pipeline/pipeline";
import { canUndo } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";

const inputSchema = z.object({ merchantId: merchantIdSchema, stage: stepSchema, reason: reasonSchema });

/**
 * Reopens a done step, with a reason. The step's row goes; the timeline keeps what was undone
 * (its evidence, when and by whom it was done). Refused while a done step depends on it.
 */
export async function undoStep(
  actor: Actor,
  input: { merchantId: string; stage: Step; reason: string },
  options?: VerbOptions,
): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId, stage, reason } = parseInput(inputSchema, input);

  await withLockedMerchant(
    merchantId,
    async (locked) => {
      const { tx, merchant, done, now } = locked;
      enforce(canUndo(stage, done, { cancelled: merchant.cancelledAt !== null }));

      const [removed] = await tx
        .delete(merchantSteps)
        .where(and(eq(merchantSteps.merchantId, merchantId), eq(merchantSteps.stage, stage)))
        .returning();
      await saveMerchant(locked, new Set([...done].filter((s) => s !== stage)));
      await recordChange(tx, {
        merchantId,
        actor,
        type: "stage_undone",
        stage,
        note: reason,
        evidence: removed
          ? {
              completedAt: removed.completedAt.toISOString(),
              completedBy: removed.completedBy,
              evidence: removed.evidence,
            }
          : null,
        at: now,
        action: "step_undone",
        details: { reason },
      });
    },
    options,
  );
}
