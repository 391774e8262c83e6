/** The lifecycle tuple lives in vocabulary/credentials.ts (below db/ and lib/); labels and groupings here. */
import type { CredentialStatus } from "@/db/vocabulary/credentials";

export { CREDENTIAL_STATUSES, type CredentialStatus } from "@/db/vocabulary/credentials";

/** The states of the (at most one) pair that is not yet active. */
export const PENDING_STATUSES = ["collecting", "verifying", "rejected"] as const satisfies readonly CredentialStatus[];

export const CREDENTIAL_STATUS_LABELS: Record<CredentialStatus, string> = {
  collecting: "Waiting for the other half",
  verifying: "Verifying",
  active: "Active",
  rejected: "Rejected",
  superseded: "Replaced",
};
