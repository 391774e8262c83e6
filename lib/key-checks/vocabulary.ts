/**
 * The words credentials, verification and key health share: what kind of check ran, what asked
 * for it, and what a verdict means for the key. Below all three (it imports only db/vocabulary and
 * the engine's words), so none of them imports another for a type; the tuples themselves live in
 * db/vocabulary/verification.ts, labels and mappings here.
 */
import type { HealthFailureKind } from "@/db/vocabulary/key-health";
import type { VerificationTrigger } from "@/db/vocabulary/verification";
import type { Verdict } from "@/lib/lightspeed/vocabulary";

export {
  VERIFICATION_KINDS,
  VERIFICATION_TRIGGERS,
  type VerificationKind,
  type VerificationTrigger,
} from "@/db/vocabulary/verification";

export const VERIFICATION_TRIGGER_LABELS: Record<VerificationTrigger, string> = {
  halves_complete: "Both halves recorded",
  verify_now: "Verify now",
  connect_link: "Merchant link",
  health: "Health monitor",
};

/** What one check of a key found, in key health's words. */
export type CheckOutcome = "ok" | HealthFailureKind;

export const CHECK_OUTCOME_FOR_VERDICT: Record<Verdict, CheckOutcome> = {
  healthy: "ok",
  incomplete_permissions: "permission_gap",
  invalid_credentials: "invalid_credentials",
  rate_limited: "rate_limited",
  unreachable: "unreachable",
};
