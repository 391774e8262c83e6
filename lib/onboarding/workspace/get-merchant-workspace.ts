import { eq } from "drizzle-orm";
import { parseId } from "@/lib/validation/parse-id";
import { lookupDb } from "@/db/client";
import { merchantSteps, merchants, staffUsers } from "@/db/schema";
import { authorize, can, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { PIPELINE } from "@/lib/pipeline/pipeline";
import {
  ballInCourt,
  canComplete,
  canCompleteWith,
  canUndo,
  currentStage,
  OVERRIDABLE_STEPS,
} from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";
import type { MerchantWorkspace, StaffRef, WorkspaceStep } from "./types";

/**
 * Everything the merchant workspace shows: the merchant, its specialist, the eight steps with
 * who completed them and when, and the derived current step / ball in court. The derived values
 * are recomputed from the steps with the same pure rules the verbs use, so the page never shows
 * a stale stored column as truth.
 */
export async function getMerchantWorkspace(
  actor: Actor,
  merchantId: string,
  now = new Date(),
): Promise<MerchantWorkspace> {
  authorize(actor, "merchant:read");
  // A malformed id is simply "not found" (the URL is user input).
  parseId(merchantId, "Merchant");

  // The merchant and its steps in parallel (the steps need only the id; an unknown id has none),
  // as prepared statements: the workspace reads both on every view (decision 0018).
  const [[row], stepRows] = await Promise.all([
    lookupDb
      .select({
        merchant: merchants,
        specialist: { id: staffUsers.id, name: staffUsers.name, email: staffUsers.email },
      })
      .from(merchants)
      .leftJoin(staffUsers, eq(staffUsers.id, merchants.specialistId))
      .where(eq(merchants.id, merchantId))
      .limit(1)
      .prepare("workspace_merchant")
      .execute(),
    lookupDb
      .select({
        stage: merchantSteps.stage,
        completedAt: merchantSteps.completedAt,
        evidence: merchantSteps.evidence,
        by: { id: staffUsers.id, name: staffUsers.name, email: staffUsers.email },
      })
      .from(merchantSteps)
      .leftJoin(staffUsers, eq(staffUsers.id, merchantSteps.completedBy))
      .where(eq(merchantSteps.merchantId, merchantId))
      .prepare("workspace_steps")
      .execute(),
  ]);
  if (!row) throw new NotFoundError("Merchant");
  const m = row.merchant;

  const byStep = new Map(stepRows.map((s) => [s.stage, s]));
  const done: Step[] = stepRows.map((s) => s.stage);
  const cancelled = m.cancelledAt !== null;
  const current = currentStage(done);
  const status = {
    cancelled,
    onHold: m.onHold,
    holdUntil: m.holdUntil,
    merchantActionRequired: m.merchantActionRequired,
    shopUnconfirmed: m.shopIdentityReview !== null,
  };
  const mayOverride = can(actor, "step:override");

  const steps: WorkspaceStep[] = PIPELINE.map((def) => {
    const step = byStep.get(def.stage);
    return {
      stage: def.stage,
      label: def.label,
      owner: def.owner,
      description: def.description,
      merchantInstructions: def.merchantInstructions ?? [],
      prerequisites: def.prerequisites,
      done: !!step,
      isCurrent: def.stage === current,
      completedAt: step?.completedAt ?? null,
      completedBy: (step?.by as StaffRef | null) ?? null,
      evidence: step?.evidence ?? {},
      // Key verified is never "Mark done": only a healthy run (or an override) completes it.
      complete:
        def.stage === "key_verified"
          ? canCompleteWith(def.stage, done, status, {})
          : canComplete(def.stage, done, status),
      override: mayOverride && OVERRIDABLE_STEPS.includes(def.stage) ? canComplete(def.stage, done, status) : null,
      undo: canUndo(def.stage, done, { cancelled }),
    };
  });

  return {
    merchant: {
      id: m.id,
      company: m.company,
      shopName: m.shopName,
      shopDomain: m.shopDomain,
      cluster: m.cluster,
      language: m.language,
      country: m.country,
      contactName: m.contactName,
      contactEmail: m.contactEmail,
      merchantActionRequired: m.merchantActionRequired,
      onHold: m.onHold,
      holdReason: m.holdReason,
      holdUntil: m.holdUntil,
      cancelledAt: m.cancelledAt,
      cancelReason: m.cancelReason,
      createdAt: m.createdAt,
      lastActivityAt: m.lastActivityAt,
      version: m.version,
      lightspeedAccountId: m.lightspeedAccountId,
      lightspeedShopDomain: m.lightspeedShopDomain,
      shopIdentityReview: m.shopIdentityReview,
    },
    specialist: (row.specialist as StaffRef | null) ?? null,
    steps,
    currentStage: current,
    ballInCourt: cancelled ? null : ballInCourt(done, m.merchantActionRequired),
    stageEnteredAt: m.stageEnteredAt,
    timeInStepMs: Math.max(0, now.getTime() - m.stageEnteredAt.getTime()),
    abilities: {
      update: can(actor, "merchant:update"),
      claim: can(actor, "merchant:claim"),
      assign: can(actor, "merchant:assign"),
      cancel: can(actor, "merchant:cancel"),
    },
  };
}
