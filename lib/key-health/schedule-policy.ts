import type { RateLimitState } from "@/lib/lightspeed/vocabulary";
import type { CheckOutcome, VerificationKind } from "@/lib/key-checks/vocabulary";

/**
 * When a key is checked next. Pure: the caller passes `now` and a random source, so tests pin
 * both. Jitter spreads checks (10,000 keys verified on the same morning must not all come due
 * in the same minute); backoff protects the budget the merchant's live feed shares with us.
 * The numbers are explained in docs/decisions (health scheduling policy).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SCHEDULE = {
  light: { every: 6 * HOUR, jitter: 36 * MINUTE },
  full: { every: 24 * HOUR, jitter: 2 * HOUR },
  /** A first invalid/permission failure is confirmed soon, so the alert does not wait hours. */
  confirm: { every: 15 * MINUTE, jitter: 3 * MINUTE },
  /** Platform errors: retry after 30 min, doubling up to 2 h. */
  platformRetry: { base: 30 * MINUTE, max: 2 * HOUR },
  /** 429 or low headroom: no check before 30 min, doubling per consecutive episode up to 12 h. */
  backoff: { base: 30 * MINUTE, max: 12 * HOUR },
  /** Below this share of the 5-minute window left, the key counts as busy. */
  lowHeadroomShare: 0.2,
  /** How long a queued check holds its row before the sweep enqueues it again (lost job). */
  lease: 15 * MINUTE,
} as const;

export type ScheduleInput = {
  now: Date;
  checked: VerificationKind;
  outcome: CheckOutcome;
  /** Consecutive failures of this outcome's kind, counting this check (0 when ok). */
  consecutiveFailures: number;
  /** Backoff level before this check. */
  backoffLevel: number;
  rateLimit: RateLimitState | null;
  nextLightCheckAt: Date | null;
  nextFullCheckAt: Date | null;
  random?: () => number;
};

export type Schedule = { nextLightCheckAt: Date; nextFullCheckAt: Date; nextCheckAt: Date; backoffLevel: number };

function jittered(now: Date, every: number, jitter: number, random: () => number): Date {
  return new Date(now.getTime() + every + (random() * 2 - 1) * jitter);
}

/** The share of the 5-minute window left; null when unknown. */
export function fiveMinuteHeadroom(rateLimit: RateLimitState | null): number | null {
  if (!rateLimit) return null;
  const [limit] = rateLimit.limit;
  const [remaining] = rateLimit.remaining;
  if (!limit || limit <= 0) return null;
  return Math.max(0, remaining) / limit;
}

/** Milliseconds until the exhausted (or, if none, the 5-minute) window resets. */
function windowResetMs(rateLimit: RateLimitState | null): number {
  if (!rateLimit) return 0;
  const exhausted = rateLimit.remaining.findIndex((r) => r < 0);
  const seconds = rateLimit.reset[exhausted >= 0 ? exhausted : 0] ?? 0;
  return Math.max(0, seconds) * 1000;
}

export function initialSchedule(now: Date, random: () => number = Math.random): Schedule {
  const nextLightCheckAt = jittered(now, SCHEDULE.light.every, SCHEDULE.light.jitter, random);
  const nextFullCheckAt = jittered(now, SCHEDULE.full.every, SCHEDULE.full.jitter, random);
  return { nextLightCheckAt, nextFullCheckAt, nextCheckAt: min(nextLightCheckAt, nextFullCheckAt), backoffLevel: 0 };
}

export function nextSchedule(input: ScheduleInput): Schedule {
  const random = input.random ?? Math.random;
  const { now } = input;
  let light = jittered(now, SCHEDULE.light.every, SCHEDULE.light.jitter, random);
  let full =
    input.checked === "full" || !input.nextFullCheckAt
      ? jittered(now, SCHEDULE.full.every, SCHEDULE.full.jitter, random)
      : input.nextFullCheckAt;

  const headroom = fiveMinuteHeadroom(input.rateLimit);
  const pressure = input.outcome === "rate_limited" || (headroom !== null && headroom < SCHEDULE.lowHeadroomShare);
  const backoffLevel = pressure ? input.backoffLevel + 1 : 0;

  const retrySameKindAt = (delay: number) => {
    const at = jittered(now, delay, delay * 0.1, random);
    if (input.checked === "full") full = at;
    else light = at;
  };

  if (input.outcome === "invalid_credentials" || input.outcome === "permission_gap") {
    if (input.consecutiveFailures === 1) retrySameKindAt(SCHEDULE.confirm.every);
  } else if (input.outcome === "unreachable") {
    const n = Math.max(1, input.consecutiveFailures);
    retrySameKindAt(Math.min(SCHEDULE.platformRetry.max, SCHEDULE.platformRetry.base * 2 ** (n - 1)));
  }

  if (pressure) {
    const delay = Math.max(
      Math.min(SCHEDULE.backoff.max, SCHEDULE.backoff.base * 2 ** (backoffLevel - 1)),
      windowResetMs(input.rateLimit),
    );
    if (input.outcome === "rate_limited") retrySameKindAt(delay);
    // Nothing, not even the retry, runs before the backoff has passed.
    const earliest = new Date(now.getTime() + delay);
    light = max(light, earliest);
    full = max(full, earliest);
  }

  return { nextLightCheckAt: light, nextFullCheckAt: full, nextCheckAt: min(light, full), backoffLevel };
}

/**
 * A pending pair refused for unticked checkboxes is verified again by itself, so ticking the
 * boxes completes the step without anyone pressing "Verify now". Merchants usually fix it within
 * minutes of our message, sometimes days later: every 15 min for 2 h, hourly for 3 days, then
 * daily. A full verification is ≤ 8 requests, so even the fast phase spends ~32 of the key's
 * 3,000 per hour; when the key's 5-minute window is low (a feed already running on it) the next
 * re-check waits for the backoff base instead.
 */
export const GAP_RECHECK = [
  { until: 2 * HOUR, every: 15 * MINUTE },
  { until: 3 * 24 * HOUR, every: HOUR },
  { until: Infinity, every: 24 * HOUR },
] as const;

export function nextGapRecheckAt(
  gapSeenAt: Date,
  now: Date,
  rateLimit: RateLimitState | null = null,
  random: () => number = Math.random,
): Date {
  const age = Math.max(0, now.getTime() - gapSeenAt.getTime());
  const { every } = GAP_RECHECK.find((phase) => age < phase.until)!;
  const headroom = fiveMinuteHeadroom(rateLimit);
  const delay =
    headroom !== null && headroom < SCHEDULE.lowHeadroomShare ? Math.max(every, SCHEDULE.backoff.base) : every;
  // ±10 % jitter: many merchants told on the same morning do not all come due in one minute.
  return jittered(now, delay, delay * 0.1, random);
}

/** Which check a due row needs: a due full check also covers the light one. */
export function dueCheck(row: { nextLightCheckAt: Date | null; nextFullCheckAt: Date | null }, now: Date) {
  if (row.nextFullCheckAt && row.nextFullCheckAt <= now) return { kind: "full" as const, dueAt: row.nextFullCheckAt };
  if (row.nextLightCheckAt && row.nextLightCheckAt <= now)
    return { kind: "light" as const, dueAt: row.nextLightCheckAt };
  return null;
}

function min(a: Date, b: Date) {
  return a <= b ? a : b;
}
function max(a: Date, b: Date) {
  return a >= b ? a : b;
}
