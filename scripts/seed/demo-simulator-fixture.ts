import { readFile } from "node:fs/promises";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials, merchantSteps, merchants } from "@/db/schema";
import { GROUP_LABELS, PERMISSION_GROUPS, type PermissionGroup } from "@/lib/lightspeed/vocabulary";
import type { SimFixture, SimGrants, SimKey, SimShop } from "@/tests/lightspeed-simulator/types";
import { demoCredentials, demoShopId } from "./demo-keys";

export type DemoShopRow = {
  shopDomain: string;
  shopName: string;
  cluster: "eu1" | "us1";
  language: string;
  merchantActionRequired: string | null;
  hasKey: boolean;
};

const fullGrants = (): SimGrants =>
  Object.fromEntries(PERMISSION_GROUPS.map((g) => [g, { read: true, write: true }])) as SimGrants;

/**
 * "Tick these checkboxes: Orders → Write, Tracking → Read" → those grants switched off, so a
 * demo merchant whose verification found gaps keeps failing the same way until "fixed".
 */
export function grantsMissing(reason: string | null): SimGrants {
  const grants = fullGrants();
  if (!reason) return grants;
  const byLabel = new Map(
    Object.entries(GROUP_LABELS).map(([group, label]) => [label.toLowerCase(), group as PermissionGroup]),
  );
  for (const [, label, access] of reason.matchAll(/([A-Za-z]+)\s*→\s*(Read|Write)/g)) {
    const group = byLabel.get(label!.toLowerCase());
    if (group) grants[group][access === "Read" ? "read" : "write"] = false;
  }
  return grants;
}

/**
 * The simulator fixture for `npm run demo`: the simulator's own demo shops plus one shop per
 * demo merchant, and the merchant's (derived, see demo-keys.ts) key wherever the merchant has
 * reached `key_received`. Keys of merchants asked to tick checkboxes miss exactly those grants.
 */
export function buildDemoSimulatorFixture(base: SimFixture, rows: readonly DemoShopRow[]): SimFixture {
  const shops: SimShop[] = [...base.shops];
  const keys: SimKey[] = [...base.keys];
  const taken = new Set(shops.map((s) => s.id));
  for (const row of rows) {
    const id = demoShopId(row.shopDomain);
    if (taken.has(id)) continue;
    taken.add(id);
    shops.push({
      id,
      cluster: row.cluster,
      name: row.shopName,
      mainDomain: row.shopDomain,
      languages: [row.language],
      productCount: 40,
      orderCount: 12,
      customerCount: 8,
    });
    if (!row.hasKey) continue;
    const { key, secret } = demoCredentials(row.shopDomain);
    keys.push({
      key,
      secret,
      shopId: id,
      enabled: true,
      appId: false,
      permissions: grantsMissing(row.merchantActionRequired),
    });
  }
  return { ...base, shops, keys };
}

/** Reads the merchants from the database and builds the fixture on top of `baseFixturePath`. */
export async function loadDemoSimulatorFixture(baseFixturePath: string): Promise<SimFixture> {
  const base = JSON.parse(await readFile(baseFixturePath, "utf8")) as SimFixture;
  const rows = await db
    .select({
      shopDomain: merchants.shopDomain,
      shopName: merchants.shopName,
      cluster: merchants.cluster,
      language: merchants.language,
      merchantActionRequired: merchants.merchantActionRequired,
      keyStep: merchantSteps.stage,
    })
    .from(merchants)
    .leftJoin(merchantSteps, and(eq(merchantSteps.merchantId, merchants.id), eq(merchantSteps.stage, "key_received")));
  return buildDemoSimulatorFixture(
    base,
    rows.map((r) => ({ ...r, hasKey: r.keyStep === "key_received" })),
  );
}

/** Pairs the seed left "verifying" (both halves in, no verdict yet): `npm run demo` queues their verification. */
export async function pendingDemoVerifications(): Promise<string[]> {
  const rows = await db
    .select({ id: merchantCredentials.id })
    .from(merchantCredentials)
    .innerJoin(merchants, eq(merchants.id, merchantCredentials.merchantId))
    .where(and(eq(merchantCredentials.status, "verifying"), isNull(merchants.cancelledAt)));
  return rows.map((r) => r.id);
}
