/** The roles tuple lives in vocabulary/ (below db/ and lib/) so the pg enum can use it too. */
import type { Role } from "@/db/vocabulary/roles";

export { ROLES, type Role } from "@/db/vocabulary/roles";

export const ROLE_LABELS: Record<Role, string> = {
  specialist: "Integration specialist",
  lead: "Team lead",
  admin: "Admin",
};
