import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { merchantCredentials, merchantSteps, verificationRuns } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import {
  enforce,
  merchantIdSchema,
  optionalNoteSchema,
  parseInput,
  reasonSchema,
  recordChange,
  saveMerchant,
  withLockedMerchant,
  type VerbOptions,
} from "./merchant-write";
import { EVIDENCE_SCHEMAS, STEP_LABELS, stepSchema } from "@/lib/pipeline/pipeline";
import { canCompleteWith, OVERRIDABLE_STEPS } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";

const inputSchema = z.object({
  merchantId: merchantIdSchema,
  stage: stepSchema,
  evidence: z.record(z.string(), z.unknown()).optional(),
  note: optionalNoteSchema,
  overrideReason: reasonSchema.optional(),
});

export type CompleteStepInput = {
  merchantId: string;
  stage: Step;
  evidence?: Record<string, unknown>;
  note?: string;
  overrideReason?: string;
};

/**
 * Marks a step done with its evidence. Idempotent: completing a done step changes nothing and
 * records nothing (a double click, or two workers, yield one event). Refuses missing
 * prerequisites, cancelled merchants and missing evidence with a RuleViolationError: "Key
 * verified" needs a healthy verification run of the active pair (or a lead/admin override with a
 * reason, recorded as `evidence.override` and in the note), "User approved" the full-permissions
 * confirmation, "Live" no open merchant action.
 */
export async function completeStep(actor: Actor, input: CompleteStepInput, options?: VerbOptions): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId, stage, evidence: rawEvidence, note, overrideReason } = parseInput(inputSchema, input);
  if (overrideReason !== undefined) authorize(actor, "step:override");
  const evidence = parseInput(EVIDENCE_SCHEMAS[stage], rawEvidence ?? {}) as Record<string, unknown>;
  const overriding = overrideReason !== undefined && OVERRIDABLE_STEPS.includes(stage);

  await withLockedMerchant(
    merchantId,
    async (locked) => {
      const { tx, merchant, done, now } = locked;
      const status = {
        cancelled: merchant.cancelledAt !== null,
        onHold: merchant.onHold,
        merchantActionRequired: merchant.merchantActionRequired,
        shopUnconfirmed: merchant.shopIdentityReview !== null,
      };
      const proof = {
        healthyRunOfActivePair:
          stage === "key_verified" && (await isHealthyRunOfActivePair(tx, merchantId, evidence.verificationRunId)),
        overrideReason: overriding ? overrideReason : undefined,
        fullPermissions: evidence.fullPermissions === true,
      };
      const decision = canCompleteWith(stage, done, status, proof);
      if (!decision.ok && decision.code === "already_done") return;
      enforce(decision);

      // An override is only an override when the evidence would not have carried the step.
      const override =
        overriding && !proof.healthyRunOfActivePair ? { reason: overrideReason, by: actorId(actor) } : undefined;
      const stored = override ? { ...evidence, override } : evidence;
      const eventNote = override
        ? [
            `Override: ${STEP_LABELS[stage]} marked done without a healthy verification. Reason: ${overrideReason}`,
            note,
          ]
            .filter(Boolean)
            .join("\n")
        : note;
      await tx
        .insert(merchantSteps)
        .values({ merchantId, stage, completedAt: now, completedBy: actorId(actor), evidence: stored });
      await saveMerchant(locked, new Set([...done, stage]));
      await recordChange(tx, {
        merchantId,
        actor,
        type: "stage_completed",
        stage,
        evidence: stored,
        note: eventNote,
        at: now,
        action: override ? "step_overridden" : "step_completed",
      });
    },
    options,
  );
}

/** The run the evidence names: full, healthy, of this merchant, on the pair that is active now. */
async function isHealthyRunOfActivePair(tx: Tx, merchantId: string, runId: unknown): Promise<boolean> {
  if (typeof runId !== "string" || !z.uuid().safeParse(runId).success) return false;
  const [run] = await tx
    .select({ id: verificationRuns.id })
    .from(verificationRuns)
    .innerJoin(merchantCredentials, eq(merchantCredentials.id, verificationRuns.credentialId))
    .where(
      and(
        eq(verificationRuns.id, runId),
        eq(verificationRuns.merchantId, merchantId),
        eq(verificationRuns.kind, "full"),
        eq(verificationRuns.verdict, "healthy"),
        eq(merchantCredentials.status, "active"),
      ),
    );
  return !!run;
}
