import { z } from "zod";
import { PERMISSION_GROUPS, type Grants } from "./vocabulary";

/**
 * Declared grants from `GET /{lang}/account/permissions.json`. The shape is an assumption of
 * the project contract (`{"accountPermissions": {"<group>": {"read": bool, "write": bool}}}`),
 * so anything else (another root, a missing group, a non-boolean) becomes unknown (null) for
 * exactly the grants it affects, never an exception.
 */
const flag = z.boolean().nullable().catch(null);
const group = z.object({ read: flag, write: flag }).catch({ read: null, write: null });

export function unknownGrants(): Grants {
  return Object.fromEntries(PERMISSION_GROUPS.map((g) => [g, { read: null, write: null }])) as Grants;
}

export function parseDeclaredGrants(body: unknown): Grants {
  const grants = unknownGrants();
  if (!isRecord(body) || !isRecord(body.accountPermissions)) return grants;
  const declared = body.accountPermissions;
  for (const name of PERMISSION_GROUPS) {
    if (Object.hasOwn(declared, name)) grants[name] = group.parse(declared[name]);
  }
  return grants;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
