import type { Step } from "@/lib/pipeline/steps";

/**
 * An SLA policy version: targets for Actenzo's own steps in agency business seconds (from the
 * moment the step became Actenzo's move to its completion), expected times for the merchant's
 * steps in merchant business seconds (used for "stalled" and by reminders; reported as merchant
 * wait, never as Actenzo's breach), and an end-to-end target from sign-up to `live` in agency
 * business seconds. Merchants are judged by the version in force when their step started.
 */
export type SlaPolicy = {
  /** Stored version number; 0 for the built-in default before anyone edits it. */
  version: number;
  effectiveFrom: Date;
  agencyTargets: Partial<Record<Step, number>>;
  merchantExpected: Partial<Record<Step, number>>;
  endToEndSeconds: number;
};

const HOUR = 3600;
/** One business day on the default 09:00-17:30 hours. */
export const BUSINESS_DAY_SECONDS = 8.5 * HOUR;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  version: 0,
  effectiveFrom: new Date(0),
  agencyTargets: { password_reset: 4 * HOUR, key_verified: 2 * HOUR, live: BUSINESS_DAY_SECONDS },
  merchantExpected: {
    user_created: 2 * BUSINESS_DAY_SECONDS,
    user_approved: 2 * BUSINESS_DAY_SECONDS,
    key_received: 2 * BUSINESS_DAY_SECONDS,
    secret_received: 2 * BUSINESS_DAY_SECONDS,
  },
  endToEndSeconds: 10 * BUSINESS_DAY_SECONDS,
};

export function policyInForce(policies: readonly SlaPolicy[], at: Date): SlaPolicy {
  let chosen = policies[0] ?? DEFAULT_SLA_POLICY;
  for (const policy of policies) if (policy.effectiveFrom <= at) chosen = policy;
  return chosen;
}
