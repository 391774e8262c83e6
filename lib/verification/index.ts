/** The verification domain: queueing and running the engine on stored pairs, and its history. */
export { enqueueVerification, QueueUnavailableError } from "./enqueue-verification";
export { runVerification, type RunVerificationInput } from "./run-verification";
export { requestVerification } from "./request-verification";
export { recordKeyHalf } from "./record-key-half";
export { recordSecretHalf } from "./record-secret-half";
export { verifyWhenComplete } from "./verify-when-complete";
export { getVerificationHistory, type VerificationHistoryEntry } from "./get-verification-history";
export { getVerificationStatus, type VerificationStatus } from "./get-verification-status";
export {
  VERIFICATION_KINDS,
  VERIFICATION_TRIGGERS,
  VERIFICATION_TRIGGER_LABELS,
  type VerificationKind,
  type VerificationTrigger,
} from "@/lib/key-checks/vocabulary";
export { VERDICT_LABELS, describeRunChanges } from "./run-changes";
export { verificationProblem } from "@/lib/key-checks/problem";
export { confirmShopIdentity } from "./confirm-shop-identity";
