/** The verification domain: queueing and running the engine on stored pairs, and its history. */
export { enqueueVerification, QueueUnavailableError } from "./enqueue-verification";
export { runVerification, type RunVerificationInput } from "./run-verification";
export { requestVerification } from "./request-verification";
export { getVerificationHistory, type VerificationHistoryEntry } from "./get-verification-history";
export { getVerificationStatus, type VerificationStatus } from "./get-verification-status";
export {
  VERIFICATION_KINDS,
  VERIFICATION_TRIGGERS,
  VERIFICATION_TRIGGER_LABELS,
  type VerificationKind,
  type VerificationTrigger,
} from "./vocabulary";
export { VERDICT_LABELS, describeRunChanges } from "./run-changes";
export { verificationProblem } from "./verification-problem";
export { confirmShopIdentity } from "./confirm-shop-identity";
