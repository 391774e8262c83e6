import type { PENDING_STATUSES } from "./statuses";

export type PendingPair = { status: (typeof PENDING_STATUSES)[number]; hasKey: boolean; hasSecret: boolean } | null;
export type HalvesGiven = { key: boolean; secret: boolean };

/**
 * Where newly recorded halves go (docs/decisions/0006-credential-pairs-secrets-and-connect-links.md):
 * - no pending pair, or the pending pair was already complete (verifying/rejected): a new pair;
 * - a pair still collecting: the halves are filled in (or replaced: the latest paste wins).
 * A new pair keeps the old key only when a secret arrives alone: every Lightspeed key has its own
 * secret, so a new key never inherits the old secret, while a lone new secret usually corrects a
 * mis-copied one for the same key. Pure.
 */
export type HalfPlan = { kind: "fill" } | { kind: "new_pair"; carryKey: boolean };

export function planHalves(pending: PendingPair, given: HalvesGiven): HalfPlan {
  if (!pending) return { kind: "new_pair", carryKey: false };
  if (pending.status === "collecting") return { kind: "fill" };
  return { kind: "new_pair", carryKey: !given.key && pending.hasKey };
}

export function isComplete(pair: { hasKey: boolean; hasSecret: boolean }): boolean {
  return pair.hasKey && pair.hasSecret;
}
