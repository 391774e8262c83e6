export { loadCredentialForVerification, type CredentialForVerification } from "./load-credential-for-verification";
export { activateCredential } from "./activate-credential";
export { markCredentialRejected } from "./mark-credential-rejected";
export { markCredentialVerifying } from "./mark-credential-verifying";
export { getCredentialSummary, type CredentialView } from "./get-credential-summary";
export { revealSecret } from "./reveal-secret";
export { rotateSecrets } from "./rotate-secrets";
export { CREDENTIAL_STATUSES, CREDENTIAL_STATUS_LABELS, type CredentialStatus } from "./statuses";
export { keyFingerprint } from "./credential-input";
