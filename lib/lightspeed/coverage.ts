import {
  GRANT_ACCESS,
  GROUP_LABELS,
  PERMISSION_GROUPS,
  type GrantName,
  type Grants,
  type PermissionGroup,
} from "./vocabulary";

/**
 * Every grant that is not confirmed true (denied or unknown), in the back office's checkbox
 * order: groups as in PERMISSION_GROUPS, read before write. Pure.
 */
export function missingGrants(grants: Grants): GrantName[] {
  return PERMISSION_GROUPS.flatMap((group) =>
    GRANT_ACCESS.filter((access) => grants[group][access] !== true).map((access): GrantName => `${group}:${access}`),
  );
}

const ACCESS_LABELS = { read: "Read", write: "Write" } as const;

/** The checkbox as the merchant sees it: "Orders → Write". */
export function grantLabel(name: GrantName): string {
  const [group, access] = name.split(":") as [PermissionGroup, keyof typeof ACCESS_LABELS];
  return `${GROUP_LABELS[group]} → ${ACCESS_LABELS[access]}`;
}

export function allGranted(grants: Grants): boolean {
  return missingGrants(grants).length === 0;
}
