/**
 * The steps of the merchant access guide and who owes the next move: the tuples live in
 * vocabulary/onboarding.ts (below db/ and lib/, so the pg enums can use them); the rules about
 * each step live in `pipeline.ts`.
 */
export { OWNERS, STEPS, type Owner, type Step } from "@/db/vocabulary/onboarding";
