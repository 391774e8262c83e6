export { createConnectLink, type CreatedConnectLink } from "./create-connect-link";
export { revokeConnectLink } from "./revoke-connect-link";
export { listConnectLinks, type ConnectLinkView } from "./list-connect-links";
export { getConnectLinkContext, type ConnectLinkContext } from "./get-connect-link-context";
export { submitConnectCredentials } from "./submit-connect-credentials";
export { CONNECT_ATTEMPT_LIMITS } from "./attempt-limit";
export { LINK_LIFETIME_MS, LINK_STATES, type LinkState } from "./link-state";
export type { SubmissionResult, SubmissionOutcome } from "./submission-message";
