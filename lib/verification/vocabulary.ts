/** Verification vocabularies: the tuples live in vocabulary/verification.ts (below db/ and lib/); labels here. */
import type { VerificationTrigger } from "@/db/vocabulary/verification";

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
