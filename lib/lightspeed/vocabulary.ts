/**
 * The verification engine's vocabularies (see ../shared/reference/lightspeed-ecom-api.md,
 * "Project contract"). One tuple each feeds types, zod enums, pg enums and UI labels.
 */
export const PERMISSION_GROUPS = ["content", "products", "customers", "orders", "settings", "tracking"] as const;
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];

export const GRANT_ACCESS = ["read", "write"] as const;
export type GrantAccess = (typeof GRANT_ACCESS)[number];

/** "orders:write" etc.: the name of one checkbox in the back office. */
export type GrantName = `${PermissionGroup}:${GrantAccess}`;

/** true = granted, false = denied, null = unknown. */
export type Grants = Record<PermissionGroup, { read: boolean | null; write: boolean | null }>;

export const VERDICTS = ["healthy", "incomplete_permissions", "invalid_credentials", "rate_limited", "unreachable"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The three X-RateLimit windows in header order: 5 minutes, 1 hour, 1 day. */
export type RateLimitState = {
  limit: [number, number, number];
  remaining: [number, number, number];
  reset: [number, number, number];
};

export const GROUP_LABELS: Record<PermissionGroup, string> = {
  content: "Content",
  products: "Products",
  customers: "Customers",
  orders: "Orders",
  settings: "Settings",
  tracking: "Tracking",
};
