import { createHash } from "node:crypto";
import { PERMISSION_GROUPS, type GrantName, type PermissionGroup } from "@/lib/lightspeed/vocabulary";
import type { SimGrants, SimKey } from "./types";

/** Shop ids of fixtures/demo.json, for tests that build their own keys. */
export const DEMO_SHOPS = { eu1: 1001, us1: 2001, us1OnlyUs: 2002 } as const;

/** All 12 grants ticked. */
export function fullGrants(): SimGrants {
  return Object.fromEntries(PERMISSION_GROUPS.map((group) => [group, { read: true, write: true }])) as SimGrants;
}

/** All grants except the named ones: `"orders:write"` drops one checkbox, `"orders"` both. */
export function grantsWithout(...names: (GrantName | PermissionGroup)[]): SimGrants {
  const grants = fullGrants();
  for (const name of names) {
    const [group, access] = name.split(":") as [PermissionGroup, "read" | "write" | undefined];
    if (!grants[group]) throw new Error(`Unknown permission group in "${name}"`);
    if (access === undefined || access === "read") grants[group].read = false;
    if (access === undefined || access === "write") grants[group].write = false;
  }
  return grants;
}

const hex32 = (text: string) => createHash("md5").update(text).digest("hex");

/**
 * A deterministic, valid key (32 hex characters for key and secret) for `seed`: the same seed
 * always gives the same pair, different seeds never collide in practice. Defaults: enabled,
 * private (appId false), full grants, the demo's eu1 shop.
 */
export function makeKey(seed: string | number, overrides: Partial<SimKey> = {}): SimKey {
  return {
    key: hex32(`sim-key:${seed}`),
    secret: hex32(`sim-secret:${seed}`),
    shopId: DEMO_SHOPS.eu1,
    enabled: true,
    appId: false,
    permissions: fullGrants(),
    ...overrides,
  };
}
