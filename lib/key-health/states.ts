/** Key health vocabularies: the tuples live in vocabulary/key-health.ts (below db/ and lib/); labels here. */
import type { HealthFailureKind, KeyHealthState } from "@/db/vocabulary/key-health";

export {
  HEALTH_FAILURE_KINDS,
  KEY_HEALTH_STATES,
  type HealthFailureKind,
  type KeyHealthState,
} from "@/db/vocabulary/key-health";

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

/** The state a failure kind puts the key in. */
export const STATE_FOR_FAILURE: Record<HealthFailureKind, KeyHealthState> = {
  invalid_credentials: "rejected",
  permission_gap: "permission_gap",
  rate_limited: "rate_limited",
  unreachable: "platform_error",
};
