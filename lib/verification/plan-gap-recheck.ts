import { nextGapRecheckAt } from "@/lib/key-health/schedule-policy";
import type { RateLimitState, Verdict } from "@/lib/lightspeed/vocabulary";

/**
 * The re-check columns of a pending pair after a conclusive verification: a permission gap keeps
 * (or starts) its clock and gets the next due time; anything else ends the re-checks (healthy:
 * the pair moved on; rejected credentials do not fix themselves, the merchant sends a new pair).
 */
export function planGapRecheck(
  verdict: Verdict,
  gapSeenAt: Date | null,
  now: Date,
  rateLimit: RateLimitState | null = null,
) {
  if (verdict !== "incomplete_permissions") return { gapSeenAt: null, nextRecheckAt: null };
  const since = gapSeenAt ?? now;
  return { gapSeenAt: since, nextRecheckAt: nextGapRecheckAt(since, now, rateLimit) };
}
