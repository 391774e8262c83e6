import { RateLimitedError } from "@/lib/errors";
import { redis, redisKey } from "@/lib/redis";

/**
 * Attempts on the public connect page, per link and per client IP, in fixed one-hour windows.
 * Every attempt counts (also malformed input and unknown tokens), so the page cannot be used to
 * guess tokens or to hammer Lightspeed through our engine. The token appears only as its hash.
 */
export const CONNECT_ATTEMPT_LIMITS = { perToken: 10, perIp: 30, windowSeconds: 3600 } as const;

async function count(key: string): Promise<{ attempts: number; secondsLeft: number }> {
  const results = await redis().multi()
    .set(key, 0, "EX", CONNECT_ATTEMPT_LIMITS.windowSeconds, "NX")
    .incr(key)
    .ttl(key)
    .exec();
  const attempts = Number(results?.[1]?.[1] ?? 0);
  const secondsLeft = Number(results?.[2]?.[1] ?? CONNECT_ATTEMPT_LIMITS.windowSeconds);
  return { attempts, secondsLeft: secondsLeft > 0 ? secondsLeft : CONNECT_ATTEMPT_LIMITS.windowSeconds };
}

function refuse(secondsLeft: number): never {
  const minutes = Math.max(1, Math.ceil(secondsLeft / 60));
  throw new RateLimitedError(`Too many attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`, secondsLeft);
}

/** Counts one attempt; throws RateLimitedError once the IP or the link is over its budget. */
export async function countConnectAttempt(tokenHash: string, ip: string): Promise<void> {
  const byIp = await count(redisKey("connect-attempts", "ip", ip));
  if (byIp.attempts > CONNECT_ATTEMPT_LIMITS.perIp) refuse(byIp.secondsLeft);
  const byToken = await count(redisKey("connect-attempts", "link", tokenHash));
  if (byToken.attempts > CONNECT_ATTEMPT_LIMITS.perToken) refuse(byToken.secondsLeft);
}
