import { createHash } from "node:crypto";
import { redis, redisKey } from "@/lib/redis";
import { SIGN_IN_THROTTLE, decideSignIn, type FailureCounter, type ThrottleDecision } from "./sign-in-throttle-policy";

/**
 * Failed sign-in counters in Redis, shared by every web process. Emails are hashed in the key
 * so Redis holds no address book. The rules themselves live in sign-in-throttle-policy.ts.
 */
function emailKey(email: string) {
  return redisKey("signin-fail", "email", createHash("sha256").update(email).digest("hex").slice(0, 32));
}
function ipKey(ip: string) {
  return redisKey("signin-fail", "ip", ip);
}

async function readCounter(key: string): Promise<FailureCounter> {
  const [[, value], [, ttl]] = (await redis().multi().get(key).pttl(key).exec()) as [[null, string | null], [null, number]];
  return { failures: Number(value ?? 0), msLeft: ttl };
}

export async function checkSignInThrottle(email: string, ip: string): Promise<ThrottleDecision> {
  const [emailCounter, ipCounter] = await Promise.all([readCounter(emailKey(email)), readCounter(ipKey(ip))]);
  return decideSignIn({ email: emailCounter, ip: ipCounter });
}

/** Counts one failure against both the email and the IP; the first failure opens the window. */
export async function recordSignInFailure(email: string, ip: string) {
  const tx = redis().multi();
  for (const key of [emailKey(email), ipKey(ip)]) {
    tx.set(key, 0, "PX", SIGN_IN_THROTTLE.windowMs, "NX").incr(key);
  }
  await tx.exec();
}

/** A successful sign-in forgives the email's failures (the IP's stay: it may be guessing others). */
export async function clearSignInFailures(email: string) {
  await redis().del(emailKey(email));
}
