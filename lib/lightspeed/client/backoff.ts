/**
 * Delay before retry number `retry` (1-based) after a network error, timeout or 5xx:
 * exponential with "equal jitter" (half fixed, half random), so many checks failing at the
 * same moment do not retry in lock-step. Pure given `random`.
 */
export const RETRY_BASE_MS = 250;

export function backoffDelayMs(retry: number, random: () => number = Math.random, baseMs = RETRY_BASE_MS): number {
  const ceiling = baseMs * 2 ** (retry - 1);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
