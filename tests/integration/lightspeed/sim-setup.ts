import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import {
  startSimulator,
  type SimFixture,
  type SimGrants,
  type SimKey,
  type SimShop,
  type Simulator,
} from "@/tests/lightspeed-simulator";
import { PERMISSION_GROUPS, type PermissionGroup } from "@/lib/lightspeed/vocabulary";

/**
 * Shared by the engine's integration tests: one simulator per test file, the engine pointed at
 * it through LIGHTSPEED_EU1_URL / LIGHTSPEED_US1_URL, and a fresh key per test so one test's
 * rate-limit counters never leak into another's.
 */
export const EU_SHOP: SimShop = {
  id: 1001,
  cluster: "eu1",
  name: "Wijnhuis De Kelder",
  mainDomain: "dekelder.test",
  languages: ["nl", "en"],
};
export const US_SHOP: SimShop = {
  id: 2002,
  cluster: "us1",
  name: "Napa Cellars",
  mainDomain: "napacellars.test",
  languages: ["us", "en"],
};

export const PROBE_PATHS = [
  "/en/textpages/count.json",
  "/en/products/count.json",
  "/en/customers/count.json",
  "/en/orders/count.json",
  "/en/shop.json",
  "/en/shop/tracking.json",
];
export const FULL_PATHS = ["/en/account.json", "/en/account/permissions.json", ...PROBE_PATHS];

export function grants(
  overrides: Partial<Record<PermissionGroup, Partial<{ read: boolean; write: boolean }>>> = {},
): SimGrants {
  return Object.fromEntries(
    PERMISSION_GROUPS.map((g) => [g, { read: true, write: true, ...overrides[g] }]),
  ) as SimGrants;
}

export const randomCredential = () => randomBytes(16).toString("hex");

export function setupSimulator(fixture: Partial<SimFixture> = {}, options: { clock?: "real" | "manual" } = {}) {
  const state: { sim: Simulator } = {} as { sim: Simulator };
  beforeAll(async () => {
    state.sim = await startSimulator({
      fixture: { shops: [EU_SHOP, US_SHOP], keys: [], ...fixture },
      clock: options.clock,
    });
    process.env.LIGHTSPEED_EU1_URL = state.sim.eu1Url;
    process.env.LIGHTSPEED_US1_URL = state.sim.us1Url;
  });
  afterEach(() => {
    state.sim.clearFaults();
    state.sim.setDenialStatus(fixture.denialStatus ?? 403);
  });
  afterAll(async () => {
    // Whatever a test did, the engine never sent anything but GET.
    const methods = new Set(state.sim.requestLog.map((r) => r.method));
    await state.sim.close();
    if ([...methods].some((m) => m !== "GET")) throw new Error(`A write method was sent: ${[...methods].join(", ")}`);
  });

  /** Adds a key (eu1 shop unless told otherwise) and returns its credentials plus its own log view. */
  function addKey(overrides: Partial<SimKey> = {}) {
    const key: SimKey = {
      key: randomCredential(),
      secret: randomCredential(),
      shopId: EU_SHOP.id,
      enabled: true,
      permissions: grants(),
      ...overrides,
    };
    state.sim.upsertKey(key);
    return {
      key: key.key,
      secret: key.secret,
      /** Every request the simulator saw with this key's Basic-auth username, in order. */
      log: () => state.sim.requestLog.filter((r) => r.apiKey === key.key),
      paths: () =>
        state.sim.requestLog
          .filter((r) => r.apiKey === key.key)
          .map((r) => `${r.cluster} ${r.method} ${r.path} ${r.status}`),
    };
  }

  return {
    get sim() {
      return state.sim;
    },
    addKey,
  };
}
