import { createHash } from "node:crypto";
import { RateLimitedError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { redis, redisKey } from "@/lib/redis";
import { releaseAttempt, reserveAttempt, type Budget } from "@/lib/rate-limit/attempt-budget";
import { SIGN_IN_THROTTLE, decideSignIn, throttleMessage } from "./sign-in-throttle-policy";

const log = createLogger("auth");

/**
 * Sign-in attempts per email and per client address, in Redis, shared by every web process.
 * Emails are hashed in the key so Redis holds no address book. The rules live in
 * sign-in-throttle-policy.ts; the atomic reservation in lib/rate-limit/attempt-budget.ts.
 */
function budgets(email: string, ip: string): [Budget, Budget] {
  const { maxFailures: limit, windowMs } = SIGN_IN_THROTTLE;
  return [
    {
      key: redisKey("signin-fail", "email", createHash("sha256").update(email).digest("hex").slice(0, 32)),
      limit,
      windowMs,
    },
    { key: redisKey("signin-fail", "ip", ip), limit, windowMs },
  ];
}

/**
 * The one entry point: reserves an attempt for the email and the address BEFORE `verify` runs
 * (so parallel guesses cannot all pass a stale read), refuses over the limit without running
 * `verify` at all (RateLimitedError), and settles the reservation by the verdict:
 * - null: the reservation stays as a counted failure;
 * - the signed-in value: the email's failures are forgiven and the address's reservation is given back (its
 *   earlier failures stay: that address may be guessing other accounts);
 * - `verify` throws (database down): the reservation is given back, it was no guess.
 */
export async function throttledSignIn<T>(
  email: string,
  ip: string,
  verify: () => Promise<T | null>,
): Promise<T | null> {
  const [byEmail, byIp] = budgets(email, ip);
  const reservation = await reserveAttempt([byEmail, byIp]);
  if (!reservation.granted) {
    const [e, i] = reservation.counters as [{ used: number; msLeft: number }, { used: number; msLeft: number }];
    const decision = decideSignIn({
      email: { failures: e.used, msLeft: e.msLeft },
      ip: { failures: i.used, msLeft: i.msLeft },
    });
    const retryAfterSeconds = decision.allowed
      ? Math.ceil(SIGN_IN_THROTTLE.windowMs / 1000)
      : decision.retryAfterSeconds;
    log.warn("sign-in throttled", { email, ip });
    throw new RateLimitedError(throttleMessage(retryAfterSeconds), retryAfterSeconds);
  }

  let verdict: T | null;
  try {
    verdict = await verify();
  } catch (error) {
    await releaseAttempt([byEmail.key, byIp.key]).catch(() => undefined);
    throw error;
  }
  if (verdict !== null) await Promise.all([releaseAttempt([byIp.key]), redis().del(byEmail.key)]);
  return verdict;
}
