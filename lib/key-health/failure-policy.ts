import { grantLabel } from "@/lib/lightspeed/coverage";
import type { GrantName } from "@/lib/lightspeed/vocabulary";
import type { CheckOutcome, VerificationKind } from "@/lib/key-checks/vocabulary";
import { STATE_FOR_FAILURE, type HealthFailureKind, type KeyHealthState } from "./states";

/**
 * What a health check's outcome means for the merchant. Pure; see docs/decisions (health alert
 * policy). One failed check is noise (a deploy, a blip); the same failure twice in a row is a
 * fact. A broken key (rejected, or a grant lost) opens the re-key flow; the old pair stays
 * active until a new one verifies. Platform errors during an open platform incident belong to
 * the incident, not to each merchant.
 */
export const ALERT_AFTER_CONSECUTIVE = 2;

export type HealthMemory = {
  consecutiveFailures: number;
  lastFailureKind: HealthFailureKind | null;
  alertOpen: boolean;
};

export type HealthDecision = HealthMemory & {
  state: KeyHealthState;
  /** none; resolve = a healthy check closes an open alert; alert = tell staff; rekey = alert + re-key flow. */
  action: "none" | "resolve" | "alert" | "rekey";
  reason: string | null;
};

export type DecideInput = {
  previous: HealthMemory;
  checked: VerificationKind;
  outcome: CheckOutcome;
  missing: readonly GrantName[];
  platformIncidentOpen: boolean;
};

export function decideHealth({
  previous,
  checked,
  outcome,
  missing,
  platformIncidentOpen,
}: DecideInput): HealthDecision {
  if (outcome === "ok" && checked === "light" && previous.lastFailureKind === "permission_gap") {
    // A light check only proves authentication; the permission gap stands until a full check.
    return { ...previous, state: "permission_gap", action: "none", reason: null };
  }
  if (outcome === "ok") {
    return {
      state: "healthy",
      consecutiveFailures: 0,
      lastFailureKind: null,
      alertOpen: false,
      action: previous.alertOpen ? "resolve" : "none",
      reason: null,
    };
  }
  const state = STATE_FOR_FAILURE[outcome];
  if (outcome === "unreachable" && platformIncidentOpen) {
    // Counted by the incident; the merchant's own streak neither grows nor resets.
    return { ...previous, state, action: "none", reason: null };
  }
  const sameKind = previous.lastFailureKind === outcome;
  const consecutiveFailures = sameKind ? previous.consecutiveFailures + 1 : 1;
  // A different kind of failure ends the previous alert's condition.
  const alreadyAlerted = sameKind && previous.alertOpen;
  const reached = consecutiveFailures >= ALERT_AFTER_CONSECUTIVE && !alreadyAlerted;
  const base = { state, consecutiveFailures, lastFailureKind: outcome, alertOpen: alreadyAlerted || reached };
  if (!reached) return { ...base, action: "none", reason: null };
  const rekey = outcome === "invalid_credentials" || outcome === "permission_gap";
  return { ...base, action: rekey ? "rekey" : "alert", reason: failureReason(outcome, missing) };
}

/** Plain words for staff and for the merchant's "what to do" line. */
export function failureReason(kind: HealthFailureKind, missing: readonly GrantName[]): string {
  switch (kind) {
    case "invalid_credentials":
      return "Lightspeed no longer accepts the API key and secret (two checks in a row). Please switch the key on again or create a new API key with all permission checkboxes ticked, and send us the key and the secret.";
    case "permission_gap":
      return missing.length
        ? `The API key lost permissions. Tick these checkboxes on the key and save: ${missing.map(grantLabel).join(", ")}.`
        : "The API key lost permissions. Tick all permission checkboxes on the key and save.";
    case "rate_limited":
      return "The key's rate limit was exhausted in two checks in a row; the shop's live feed may be using most of it.";
    case "unreachable":
      return "Lightspeed did not answer two checks in a row for this shop.";
  }
}
