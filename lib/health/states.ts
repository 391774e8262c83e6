/**
 * Key health vocabularies. One tuple each feeds the pg enum, the zod enum (URL filters) and the
 * labels on /health. The first three describe intake (no active pair yet); the rest a pair's checks.
 */
export const KEY_HEALTH_STATES = [
  "no_key",
  "key_only",
  "secret_only",
  "rejected",
  "permission_gap",
  "rate_limited",
  "platform_error",
  "healthy",
] as const;
export type KeyHealthState = (typeof KEY_HEALTH_STATES)[number];

export const KEY_HEALTH_STATE_LABELS: Record<KeyHealthState, string> = {
  no_key: "No key",
  key_only: "Key only",
  secret_only: "Secret only",
  rejected: "Rejected",
  permission_gap: "Permission gap",
  rate_limited: "Rate-limited",
  platform_error: "Platform error",
  healthy: "Healthy",
};

/** What a failed check failed with; "2 consecutive failures of the same kind" compares these. */
export const HEALTH_FAILURE_KINDS = ["invalid_credentials", "permission_gap", "rate_limited", "unreachable"] as const;
export type HealthFailureKind = (typeof HEALTH_FAILURE_KINDS)[number];

/** The state a failure kind puts the key in. */
export const STATE_FOR_FAILURE: Record<HealthFailureKind, KeyHealthState> = {
  invalid_credentials: "rejected",
  permission_gap: "permission_gap",
  rate_limited: "rate_limited",
  unreachable: "platform_error",
};
