/**
 * The verification engine's vocabularies (docs/decisions/0005-lightspeed-verification-engine.md).
 * One tuple each feeds types, zod enums, pg enums and UI labels.
 */

/** Lightspeed eCom clusters. Base URLs live in `lib/lightspeed/client/base-url.ts` (overridable only by env). */
export const CLUSTERS = ["eu1", "us1"] as const;
export type Cluster = (typeof CLUSTERS)[number];

export const PERMISSION_GROUPS = ["content", "products", "customers", "orders", "settings", "tracking"] as const;
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];

export const GRANT_ACCESS = ["read", "write"] as const;
export type GrantAccess = (typeof GRANT_ACCESS)[number];

/** "orders:write" etc.: the name of one checkbox in the back office. */
export type GrantName = `${PermissionGroup}:${GrantAccess}`;

/** true = granted, false = denied, null = unknown. */
export type Grants = Record<PermissionGroup, { read: boolean | null; write: boolean | null }>;

export const VERDICTS = [
  "healthy",
  "incomplete_permissions",
  "invalid_credentials",
  "rate_limited",
  "unreachable",
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The three X-RateLimit windows in header order: 5 minutes, 1 hour, 1 day. */
export type RateLimitState = {
  limit: [number, number, number];
  remaining: [number, number, number];
  reset: [number, number, number];
};
