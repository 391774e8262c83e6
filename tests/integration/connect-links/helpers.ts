import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { db } from "@/db/client";
import { connectLinks } from "@/db/schema";
import { closeQueues } from "@/lib/jobs/queues";
import { closeRedis } from "@/lib/redis";
import { fullGrants, makeKey, startSimulator, type SimKey, type Simulator } from "@/tests/lightspeed-simulator";
import { createMerchant } from "@/tests/factories/merchant";

export async function linkRow(id: string) {
  const [row] = await db.select().from(connectLinks).where(eq(connectLinks.id, id));
  if (!row) throw new Error(`connect link ${id} not found`);
  return row;
}

/** A merchant on the simulator's eu1 shop (Dutch), where its keys live. */
export const createEuMerchant = () => createMerchant({ cluster: "eu1", language: "nl", country: "NL" });

/** Every test's IP is its own, so per-IP counters of one test never throttle another. */
let ipSequence = 0;
export const freshIp = () => `198.51.100.${(++ipSequence % 250) + 1}-${process.pid}-${Date.now()}`;

export function closeConnectionsAfterAll() {
  afterAll(async () => {
    await closeQueues();
    await closeRedis();
  });
}

/** One simulator per file with the eu1 shop; the engine reaches it through LIGHTSPEED_*_URL. */
export function startSimulatorForFile() {
  const state = {} as { sim: Simulator };
  let seed = 0;
  beforeAll(async () => {
    state.sim = await startSimulator({
      fixture: {
        shops: [
          {
            id: 1001,
            cluster: "eu1",
            name: "Wijnhuis De Kelder",
            mainDomain: "dekelder.test",
            languages: ["nl", "en"],
          },
        ],
        keys: [],
      },
    });
    process.env.LIGHTSPEED_EU1_URL = state.sim.eu1Url;
    process.env.LIGHTSPEED_US1_URL = state.sim.us1Url;
  });
  afterAll(async () => {
    await state.sim?.close();
  });
  return {
    get sim() {
      return state.sim;
    },
    /** A fresh key on the eu1 shop; all 12 checkboxes unless told otherwise. */
    addKey(overrides: Partial<SimKey> = {}): SimKey {
      const key = makeKey(`connect-${process.pid}-${Date.now()}-${++seed}`, {
        permissions: fullGrants(),
        ...overrides,
      });
      state.sim.upsertKey(key);
      return key;
    },
  };
}
