import { STEP_LABELS, stepDefinition } from "@/lib/pipeline/pipeline";
import { STEPS, type Owner, type Step } from "@/lib/pipeline/steps";

/**
 * The stage machine's rules as pure functions. Verbs load the merchant, ask these, and write;
 * nothing here touches the database or the clock (callers pass `now`).
 * See docs/decisions/0003-stage-machine-rules.md for the choices behind them.
 */
export type Done = Iterable<Step>;

export type RefusalCode =
  | "cancelled"
  | "already_done"
  | "prerequisites_missing"
  | "not_done"
  | "has_dependents"
  | "not_undoable"
  | "reason_required"
  | "until_not_in_future"
  | "not_on_hold"
  | "already_cancelled"
  | "needs_verification"
  | "merchant_must_act"
  | "full_permissions_unconfirmed"
  | "shop_unconfirmed";

export type Decision = { ok: true } | { ok: false; code: RefusalCode; reason: string };

/** What the rules need to know about a merchant besides its done steps. */
export type MerchantStatus = {
  cancelled: boolean;
  onHold?: boolean;
  holdUntil?: Date | null;
  merchantActionRequired?: string | null;
  /** The key's shop differs from the sign-up and no specialist has confirmed it yet. */
  shopUnconfirmed?: boolean;
};

const allow: Decision = { ok: true };
const refuse = (code: RefusalCode, reason: string): Decision => ({ ok: false, code, reason });
const names = (stages: readonly Step[]) => stages.map((s) => STEP_LABELS[s]).join(", ");

/** The first step (in guide order) that is not done; null when every step is done. */
export function currentStage(done: Done): Step | null {
  const set = new Set(done);
  return STEPS.find((s) => !set.has(s)) ?? null;
}

/**
 * Who owes the next move: the merchant whenever we recorded an action they must take (even on a
 * finished pipeline), otherwise the owner of the current step; null when everything is done.
 */
export function ballInCourt(done: Done, merchantActionRequired: string | boolean | null | undefined): Owner | null {
  if (merchantActionRequired) return "merchant";
  const current = currentStage(done);
  return current ? stepDefinition(current).owner : null;
}

export function missingPrerequisites(stage: Step, done: Done): Step[] {
  const set = new Set(done);
  return stepDefinition(stage).prerequisites.filter((p) => !set.has(p));
}

/** Steps that (directly or through others) need `stage`, in guide order. */
export function dependentsOf(stage: Step): Step[] {
  const result = new Set<Step>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of STEPS) {
      if (result.has(s)) continue;
      const prereqs = stepDefinition(s).prerequisites;
      if (prereqs.includes(stage) || prereqs.some((p) => result.has(p))) {
        result.add(s);
        grew = true;
      }
    }
  }
  return STEPS.filter((s) => result.has(s));
}

/** A cancelled merchant accepts no change but a note. */
export function canChange(status: MerchantStatus): Decision {
  return status.cancelled ? refuse("cancelled", "This merchant was cancelled; only notes can be added.") : allow;
}

/**
 * Any step may be completed in any order its prerequisites allow (merchants do things out of
 * order). Holding does not block completion: a key that arrives during a hold is still recorded.
 */
export function canComplete(stage: Step, done: Done, status: MerchantStatus): Decision {
  const changeable = canChange(status);
  if (!changeable.ok) return changeable;
  const set = new Set(done);
  if (set.has(stage)) return refuse("already_done", `${STEP_LABELS[stage]} is already done.`);
  const missing = missingPrerequisites(stage, set);
  if (missing.length) return refuse("prerequisites_missing", `${STEP_LABELS[stage]} needs ${names(missing)} first.`);
  // "Live, every step done" beside "the merchant must act" is a contradiction the header must never show.
  if (stage === "live" && hasText(status.merchantActionRequired)) {
    return refuse(
      "merchant_must_act",
      `Live needs the merchant's open action done first: ${status.merchantActionRequired}`,
    );
  }
  if (stage === "live" && status.shopUnconfirmed) {
    return refuse(
      "shop_unconfirmed",
      "Live needs the key's shop confirmed first: Lightspeed reported another domain than the sign-up.",
    );
  }
  return allow;
}

/** What a completion brings besides the step name; the verb establishes each fact, the rule weighs it. */
export type CompletionProof = {
  /** key_verified: the evidence names a healthy full verification run of the merchant's active pair. */
  healthyRunOfActivePair?: boolean;
  /** key_verified: a lead/admin override and why (the verb checks the role). */
  overrideReason?: string | null;
  /** user_approved: the specialist saw the user Approved with Full permissions. */
  fullPermissions?: boolean;
};

/** The steps a lead or admin may complete against the evidence rule, with a stated reason. */
export const OVERRIDABLE_STEPS: readonly Step[] = ["key_verified"];

/**
 * `canComplete` plus the evidence a step needs to be believed: "Key verified" only from a healthy
 * verification of the active pair (or a lead/admin override with a reason), "User approved" only
 * with the full-permissions confirmation. Steps are facts reports and reminders are built on.
 */
export function canCompleteWith(stage: Step, done: Done, status: MerchantStatus, proof: CompletionProof): Decision {
  const structural = canComplete(stage, done, status);
  if (!structural.ok) return structural;
  if (stage === "key_verified" && !proof.healthyRunOfActivePair) {
    if (proof.overrideReason === undefined || proof.overrideReason === null) {
      return refuse(
        "needs_verification",
        "Key verified is completed by a healthy verification of the merchant's active key (Verify now). A lead or admin may override it with a reason.",
      );
    }
    if (!hasText(proof.overrideReason))
      return refuse("reason_required", "Say why Key verified is completed without a healthy verification.");
  }
  if (stage === "user_approved" && proof.fullPermissions !== true) {
    return refuse(
      "full_permissions_unconfirmed",
      "Confirm that our user is Approved with Full permissions switched on.",
    );
  }
  return allow;
}

export type UndoOptions = {
  cancelled?: boolean;
  /** Done dependents that may stay done (the re-key flow keeps `live` while the key steps reopen). */
  keep?: readonly Step[];
};

/** Undo refuses while a done step depends on this one: undo those first, latest first. */
export function canUndo(stage: Step, done: Done, options: UndoOptions = {}): Decision {
  if (options.cancelled) return canChange({ cancelled: true });
  if (stage === "signed_up") return refuse("not_undoable", "Signed up cannot be undone; cancel the merchant instead.");
  const set = new Set(done);
  if (!set.has(stage)) return refuse("not_done", `${STEP_LABELS[stage]} is not done.`);
  const blocking = dependentsOf(stage).filter((d) => set.has(d) && !options.keep?.includes(d));
  if (blocking.length) {
    return refuse(
      "has_dependents",
      `${names(blocking)} depend${blocking.length === 1 ? "s" : ""} on ${STEP_LABELS[stage]}; undo ${blocking.length === 1 ? "it" : "them"} first.`,
    );
  }
  return allow;
}

/** The key steps the re-key flow reopens, in the order it undoes them (dependents first). */
export const REKEY_STEPS = ["key_verified", "secret_received", "key_received"] as const satisfies readonly Step[];
export const REKEY_KEEPS: readonly Step[] = ["live"];

/** The re-key steps that are done, in undo order. */
export function rekeyPlan(done: Done): Step[] {
  const set = new Set(done);
  return REKEY_STEPS.filter((s) => set.has(s));
}

const hasText = (text: string | null | undefined) => !!text && text.trim().length > 0;

/**
 * Hold needs a reason and an optional until-date in the future. Holding a merchant already on
 * hold updates the reason and until-date (so a hold can be extended without a resume).
 */
export function canHold(status: MerchantStatus, hold: { reason: string; until?: Date | null }, now: Date): Decision {
  const changeable = canChange(status);
  if (!changeable.ok) return changeable;
  if (!hasText(hold.reason)) return refuse("reason_required", "Say why the merchant is put on hold.");
  if (hold.until && hold.until.getTime() <= now.getTime())
    return refuse("until_not_in_future", "The hold's until-date must be in the future.");
  return allow;
}

export function canResume(status: MerchantStatus): Decision {
  const changeable = canChange(status);
  if (!changeable.ok) return changeable;
  return status.onHold ? allow : refuse("not_on_hold", "This merchant is not on hold.");
}

export function canCancel(status: MerchantStatus, reason: string): Decision {
  if (status.cancelled) return refuse("already_cancelled", "This merchant is already cancelled.");
  return hasText(reason) ? allow : refuse("reason_required", "Say why the merchant is cancelled.");
}

/**
 * A hold counts (for reminders, SLA clocks) while it has no until-date or the date is still
 * ahead; after that the merchant is due again even before anyone records the resume.
 */
export function isHoldActive(status: { onHold: boolean; holdUntil?: Date | null }, now: Date): boolean {
  return status.onHold && (!status.holdUntil || status.holdUntil.getTime() > now.getTime());
}

/**
 * When the current step became current. It moves only when the current step changes (the
 * blocker was completed, or an earlier step was undone) or when the clock restarts on resume
 * from a hold; completing a later step out of order leaves it alone.
 */
export function nextStepEnteredAt(
  before: { currentStage: Step | null; stageEnteredAt: Date },
  afterStep: Step | null,
  now: Date,
  restartClock = false,
): Date {
  return restartClock || before.currentStage !== afterStep ? now : before.stageEnteredAt;
}

export type DerivedState = { currentStage: Step | null; ballInCourt: Owner | null; stageEnteredAt: Date };

/** The stored derived columns. A cancelled merchant owes nothing and is owed nothing. */
export function deriveState(
  input: { done: Done; merchantActionRequired: string | null; cancelled: boolean },
  before: { currentStage: Step | null; stageEnteredAt: Date },
  now: Date,
  restartClock = false,
): DerivedState {
  const done = [...input.done];
  const stage = currentStage(done);
  return {
    currentStage: stage,
    ballInCourt: input.cancelled ? null : ballInCourt(done, input.merchantActionRequired),
    stageEnteredAt: nextStepEnteredAt(before, stage, now, restartClock),
  };
}
