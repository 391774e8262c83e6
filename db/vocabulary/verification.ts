/**
 * Verification vocabularies: one tuple each feeds the pg enum, the zod enum and the UI labels.
 * A "full" run is `verify()` (auth + all 12 grants); a "light" run is `checkHealth()` (one request).
 */
export const VERIFICATION_KINDS = ["full", "light"] as const;
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];

/** Why a run happened. `health` = the periodic monitor; the others are people or the intake flow. */
export const VERIFICATION_TRIGGERS = ["halves_complete", "verify_now", "connect_link", "health"] as const;
export type VerificationTrigger = (typeof VERIFICATION_TRIGGERS)[number];
