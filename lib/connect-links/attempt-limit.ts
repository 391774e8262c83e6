import { RateLimitedError } from "@/lib/errors";
import { redisKey } from "@/lib/redis";
import { reserveAttempt, secondsUntilFree, type Budget } from "@/lib/rate-limit/attempt-budget";

/**
 * Attempts on the public connect page, per link and per client IP, in fixed one-hour windows.
 * Every granted attempt counts (also malformed input and unknown tokens), so the page cannot be
 * used to guess tokens or to hammer Lightspeed through our engine. Both counters are reserved
 * in one atomic step before any work, so parallel submits cannot overrun either budget.
 * The token appears only as its hash.
 */
export const CONNECT_ATTEMPT_LIMITS = { perToken: 10, perIp: 30, windowSeconds: 3600 } as const;

/** Counts one attempt; throws RateLimitedError once the IP or the link is over its budget. */
export async function countConnectAttempt(tokenHash: string, ip: string): Promise<void> {
  const windowMs = CONNECT_ATTEMPT_LIMITS.windowSeconds * 1000;
  const budgets: Budget[] = [
    { key: redisKey("connect-attempts", "ip", ip), limit: CONNECT_ATTEMPT_LIMITS.perIp, windowMs },
    { key: redisKey("connect-attempts", "link", tokenHash), limit: CONNECT_ATTEMPT_LIMITS.perToken, windowMs },
  ];
  const reservation = await reserveAttempt(budgets);
  if (reservation.granted) return;
  const secondsLeft = secondsUntilFree(budgets, reservation.counters) || CONNECT_ATTEMPT_LIMITS.windowSeconds;
  const minutes = Math.max(1, Math.ceil(secondsLeft / 60));
  throw new RateLimitedError(
    `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    secondsLeft,
  );
}
