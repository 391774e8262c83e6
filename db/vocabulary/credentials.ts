/**
 * Lifecycle of a key + secret pair. One tuple feeds the pg enum, zod and the UI labels.
 * - collecting: at least one half is missing
 * - verifying:  both halves present, a verification is queued or running
 * - active:     verified healthy; the pair the feed and health checks use (at most one per merchant)
 * - rejected:   the last verification refused it (bad pair or unticked checkboxes)
 * - superseded: replaced by a newer pair; kept for history, never used again
 */
export const CREDENTIAL_STATUSES = ["collecting", "verifying", "active", "rejected", "superseded"] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];
