import type { RateLimitState } from "./vocabulary";

/**
 * Parses the three `X-RateLimit-*` headers ("5min/1h/1d" integers; reset = seconds until that
 * window resets) into one value. Pure. Any missing or malformed header gives null: a half-read
 * budget is worse than none, because the reserve rule would act on invented numbers.
 */
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === "function")
    return (source as { get(n: string): string | null }).get(name);
  const record = source as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function triple(value: string | null, allowMinusOne: boolean): [number, number, number] | null {
  if (value === null) return null;
  const parts = value.split("/").map((part) => part.trim());
  if (parts.length !== 3 || !parts.every((part) => /^-?\d+$/.test(part))) return null;
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isSafeInteger(n) || n < (allowMinusOne ? -1 : 0))) return null;
  return numbers as [number, number, number];
}

export function parseRateLimit(headers: HeaderSource): RateLimitState | null {
  const limit = triple(header(headers, "x-ratelimit-limit"), false);
  // -1 marks the exhausted window on a 429.
  const remaining = triple(header(headers, "x-ratelimit-remaining"), true);
  const reset = triple(header(headers, "x-ratelimit-reset"), false);
  if (!limit || !remaining || !reset) return null;
  return { limit, remaining, reset };
}

export const WINDOW_NAMES = ["5 minutes", "1 hour", "1 day"] as const;

/**
 * Seconds to wait after a 429: the longest reset among the windows marked -1. Null when no
 * window is marked (e.g. the per-second burst limit, which has no header slot).
 */
export function exhaustedWindowWait(state: RateLimitState | null): number | null {
  if (!state) return null;
  const waits = state.remaining.flatMap((remaining, i) => (remaining === -1 ? [state.reset[i] ?? 0] : []));
  return waits.length ? Math.max(...waits) : null;
}

/** The share of the 5-minute window the merchant's live feed keeps for itself. */
export const RESERVE_SHARE = 0.1;

/**
 * True when sending one more request would leave less than 10 % of the 5-minute window:
 * checks must never eat into the budget the merchant's live feed depends on.
 */
export function reserveReached(state: RateLimitState | null): boolean {
  if (!state) return false;
  const [limit, remaining] = [state.limit[0], state.remaining[0]];
  return remaining - 1 < limit * RESERVE_SHARE;
}
