import type { PermissionGroup } from "./vocabulary";

/**
 * One cheap GET per permission group confirms its read grant (project contract §3).
 * Resources are relative to `/{lang}/` and without `.json`. Writes are never probed.
 * Settings reads `shop.json` (a settings resource, reference §6) rather than `shop/settings.json`:
 * the same one request also tells which shop the key belongs to (id, `mainDomain`).
 */
export const READ_PROBES: Record<PermissionGroup, string> = {
  content: "textpages/count",
  products: "products/count",
  customers: "customers/count",
  orders: "orders/count",
  settings: "shop",
  tracking: "shop/tracking",
};

export const ACCOUNT_RESOURCE = "account";
export const PERMISSIONS_RESOURCE = "account/permissions";
