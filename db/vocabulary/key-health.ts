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

/** What a failed check failed with; "2 consecutive failures of the same kind" compares these. */
export const HEALTH_FAILURE_KINDS = ["invalid_credentials", "permission_gap", "rate_limited", "unreachable"] as const;
export type HealthFailureKind = (typeof HEALTH_FAILURE_KINDS)[number];
