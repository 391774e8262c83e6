/** Shared by credentials, verification and key health (below all three): vocabulary and the problem a verdict names. */
export {
  CHECK_OUTCOME_FOR_VERDICT,
  VERIFICATION_KINDS,
  VERIFICATION_TRIGGERS,
  VERIFICATION_TRIGGER_LABELS,
  type CheckOutcome,
  type VerificationKind,
  type VerificationTrigger,
} from "./vocabulary";
export { isConclusive, verificationProblem } from "./problem";
