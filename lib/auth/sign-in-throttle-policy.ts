/**
 * Pure rules for throttling failed sign-ins. Counters are fixed windows: the first failure
 * starts a window of `windowMs`, and once `maxFailures` have been counted within it, further
 * attempts for that email (or from that IP) are refused until the window ends.
 */
export const SIGN_IN_THROTTLE = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;
export type ThrottlePolicy = { maxFailures: number; windowMs: number };

/** One counter as read from the store: failures so far and the time left in its window. */
export type FailureCounter = { failures: number; msLeft: number };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideSignIn(
  counters: { email: FailureCounter; ip: FailureCounter },
  policy: ThrottlePolicy = SIGN_IN_THROTTLE,
): ThrottleDecision {
  const blocked = [counters.email, counters.ip].filter((c) => c.failures >= policy.maxFailures);
  if (blocked.length === 0) return { allowed: true };
  // A counter without a TTL (should not happen) is treated as a full window, never as "free".
  const msLeft = Math.max(...blocked.map((c) => (c.msLeft > 0 ? c.msLeft : policy.windowMs)));
  return { allowed: false, retryAfterSeconds: Math.ceil(msLeft / 1000) };
}

/** "Try again in N minutes", rounded up so the user never retries a few seconds too early. */
export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
