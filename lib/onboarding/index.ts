/** The onboarding domain's public surface: the stage machine's write verbs, its table and rules. */
export { createMerchant } from "./create-merchant";
export { completeStep, type CompleteStepInput } from "./complete-step";
export { undoStep } from "./undo-step";
export { holdMerchant } from "./hold-merchant";
export { resumeMerchant } from "./resume-merchant";
export { cancelMerchant } from "./cancel-merchant";
export { assignMerchants } from "./assign-merchants";
export { addNote } from "./add-note";
export { requireMerchantAction } from "./require-merchant-action";
export { clearMerchantAction } from "./clear-merchant-action";
export { openRekeyFlow } from "./open-rekey-flow";
export { resumeExpiredHolds } from "./resume-expired-holds";
export { recordMerchantEvent, type RecordMerchantEventInput } from "./record-merchant-event";
export type { VerbOptions } from "./merchant-write";
export {
  consoleSignupInputSchema,
  signupInputSchema,
  normaliseShopDomain,
  type SignupInput,
  type ParsedSignup,
} from "./signup-input";
export {
  PIPELINE,
  STEP_LABELS,
  STEP_OWNERS,
  OWNER_LABELS,
  EVIDENCE_SCHEMAS,
  stepDefinition,
  stepSchema,
  ownerSchema,
  type StepDefinition,
} from "@/lib/pipeline/pipeline";
export * from "@/lib/pipeline/rules";
export { STEPS, OWNERS, type Step, type Owner } from "@/lib/pipeline/steps";
