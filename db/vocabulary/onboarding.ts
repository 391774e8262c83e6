/**
 * The steps of the merchant access guide, in guide order. One tuple feeds the pg enum,
 * the zod enum and the UI labels; the rules about each step live in `lib/pipeline/pipeline.ts`.
 */
export const STEPS = [
  "signed_up",
  "user_created",
  "user_approved",
  "password_reset",
  "key_received",
  "secret_received",
  "key_verified",
  "live",
] as const;
export type Step = (typeof STEPS)[number];

/** Who owes the next move on a step. */
export const OWNERS = ["merchant", "agency"] as const;
export type Owner = (typeof OWNERS)[number];
