/** How long a connect link works: long enough for a merchant to find a quiet moment. */
export const LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const LINK_STATES = ["valid", "expired", "revoked", "spent"] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** Pure: spent and revoked win over expiry, since they say more about what happened. */
export function linkState(
  link: { expiresAt: Date; revokedAt: Date | null; spentAt: Date | null },
  now = new Date(),
): LinkState {
  if (link.spentAt) return "spent";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
