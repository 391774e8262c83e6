import { z } from "zod";
import { merchantSteps } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { enforce, merchantIdSchema, parseInput, recordChange, saveMerchant, withLockedMerchant, type VerbOptions } from "./merchant-write";
import { EVIDENCE_SCHEMAS, stageSchema } from "./pipeline";
import { NOTE_MAX_LENGTH } from "./note-limit";
import { canComplete } from "./rules";
import type { Stage } from "./stages";

const optionalText = z.string().trim().max(NOTE_MAX_LENGTH).optional().transform((v) => v || undefined);

const inputSchema = z.object({
  merchantId: merchantIdSchema,
  stage: stageSchema,
  evidence: z.record(z.string(), z.unknown()).optional(),
  note: optionalText,
});

export type CompleteStepInput = { merchantId: string; stage: Stage; evidence?: Record<string, unknown>; note?: string };

/**
 * Marks a step done with its evidence. Idempotent: completing a done step changes nothing and
 * records nothing (a double click, or two workers, yield one event). Refuses missing
 * prerequisites and cancelled merchants with a RuleViolationError.
 */
export async function completeStep(actor: Actor, input: CompleteStepInput, options?: VerbOptions): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId, stage, evidence: rawEvidence, note } = parseInput(inputSchema, input);
  const evidence = parseInput(EVIDENCE_SCHEMAS[stage], rawEvidence ?? {}) as Record<string, unknown>;

  await withLockedMerchant(merchantId, async (locked) => {
    const { tx, merchant, done, now } = locked;
    const decision = canComplete(stage, done, { cancelled: merchant.cancelledAt !== null, onHold: merchant.onHold });
    if (!decision.ok && decision.code === "already_done") return;
    enforce(decision);

    await tx.insert(merchantSteps).values({ merchantId, stage, completedAt: now, completedBy: actorId(actor), evidence });
    await saveMerchant(locked, new Set([...done, stage]));
    await recordChange(tx, { merchantId, actor, type: "stage_completed", stage, evidence, note, at: now, action: "step_completed" });
  }, options);
}
