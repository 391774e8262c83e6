/** The engine's vocabularies: the tuples and types live in vocabulary/lightspeed.ts (below db/ and lib/); labels here. */
import type { PermissionGroup } from "@/db/vocabulary/lightspeed";

export {
  GRANT_ACCESS,
  PERMISSION_GROUPS,
  VERDICTS,
  type GrantAccess,
  type GrantName,
  type Grants,
  type PermissionGroup,
  type RateLimitState,
  type Verdict,
} from "@/db/vocabulary/lightspeed";

export const GROUP_LABELS: Record<PermissionGroup, string> = {
  content: "Content",
  products: "Products",
  customers: "Customers",
  orders: "Orders",
  settings: "Settings",
  tracking: "Tracking",
};
