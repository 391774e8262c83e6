import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import { setBaseUrls } from "@/lib/lightspeed/client/base-url";
import { PERMISSION_GROUPS, type PermissionGroup } from "@/lib/lightspeed/vocabulary";
import {
  startSimulator,
  type SimFixture,
  type SimGrants,
  type SimKey,
  type SimShop,
  type Simulator,
} from "@/tests/lightspeed-simulator";

/**
 * The one Lightspeed simulator harness for integration tests: one simulator per test file (the
 * eu1 and us1 shops below unless the fixture says otherwise), the engine pointed at it by
 * injecting its URLs (`setBaseUrls`, never process.env; a spawned worker gets `env`), faults and
 * the denial status reset after each test, and a fresh random key per `addKey` so one test's
 * rate-limit counters never leak into another's. Whatever a file did, the engine sent only GETs.
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

/** Every checkbox ticked, except those overridden. */
export function grants(
  overrides: Partial<Record<PermissionGroup, Partial<{ read: boolean; write: boolean }>>> = {},
): SimGrants {
  return Object.fromEntries(
    PERMISSION_GROUPS.map((g) => [g, { read: true, write: true, ...overrides[g] }]),
  ) as SimGrants;
}

/** A fresh 32-character key or secret, like the ones Lightspeed shows (hex). */
export const randomCredential = () => randomBytes(16).toString("hex");

export type SimulatorHarness = ReturnType<typeof withSimulator>;

export function withSimulator(fixture: Partial<SimFixture> = {}, options: { clock?: "real" | "manual" } = {}) {
  const state = {} as { sim: Simulator };
  beforeAll(async () => {
    state.sim = await startSimulator({
      fixture: { shops: [EU_SHOP, US_SHOP], keys: [], ...fixture },
      clock: options.clock,
    });
    setBaseUrls({ eu1: state.sim.eu1Url, us1: state.sim.us1Url });
  });
  afterEach(() => {
    state.sim.clearFaults();
    state.sim.setDenialStatus(fixture.denialStatus ?? 403);
  });
  afterAll(async () => {
    setBaseUrls({});
    // Whatever a test did, the engine never sent anything but GET.
    const methods = new Set(state.sim.requestLog.map((r) => r.method));
    await state.sim.close();
    if ([...methods].some((m) => m !== "GET")) throw new Error(`A write method was sent: ${[...methods].join(", ")}`);
  });

  /** Adds a key (eu1 shop, all grants, unless told otherwise) with its own view of the request log. */
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
    const log = () => state.sim.requestLog.filter((r) => r.apiKey === key.key);
    return {
      ...key,
      /** Every request the simulator saw with this key's Basic-auth username, in order. */
      log,
      paths: () => log().map((r) => `${r.cluster} ${r.method} ${r.path} ${r.status}`),
    };
  }

  return {
    get sim() {
      return state.sim;
    },
    /** The simulator's URLs as environment variables, for a process this test spawns. */
    get env() {
      return { LIGHTSPEED_EU1_URL: state.sim.eu1Url, LIGHTSPEED_US1_URL: state.sim.us1Url };
    },
    addKey,
  };
}
