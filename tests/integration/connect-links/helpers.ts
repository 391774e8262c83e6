import { afterAll } from "vitest";
import { closeQueues } from "@/lib/jobs/queues";
import { closeRedis } from "@/lib/redis";
import { createMerchant } from "@/tests/factories/merchant";

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
