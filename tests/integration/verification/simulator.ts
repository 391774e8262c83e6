import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import { PERMISSION_GROUPS, type PermissionGroup } from "@/lib/lightspeed/vocabulary";
import {
  startSimulator,
  type SimGrants,
  type SimKey,
  type SimShop,
  type Simulator,
} from "@/tests/lightspeed-simulator";

export const EU_SHOP: SimShop = {
  id: 1001,
  cluster: "eu1",
  name: "Wijnhuis De Kelder",
  mainDomain: "dekelder.test",
  languages: ["nl", "en"],
};

export function grants(
  overrides: Partial<Record<PermissionGroup, Partial<{ read: boolean; write: boolean }>>> = {},
): SimGrants {
  return Object.fromEntries(
    PERMISSION_GROUPS.map((g) => [g, { read: true, write: true, ...overrides[g] }]),
  ) as SimGrants;
}

export const randomCredential = () => randomBytes(16).toString("hex");

/** One simulator per test file; the engine reaches it through LIGHTSPEED_*_URL (set before any request). */
export function withSimulator() {
  const state = {} as { sim: Simulator };
  beforeAll(async () => {
    state.sim = await startSimulator({ fixture: { shops: [EU_SHOP], keys: [] } });
    process.env.LIGHTSPEED_EU1_URL = state.sim.eu1Url;
    process.env.LIGHTSPEED_US1_URL = state.sim.us1Url;
  });
  afterEach(() => state.sim.clearFaults());
  afterAll(() => state.sim.close());

  /** A key on the eu1 shop (full grants unless told otherwise). */
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
    return key;
  }
  return {
    get sim() {
      return state.sim;
    },
    addKey,
  };
}
