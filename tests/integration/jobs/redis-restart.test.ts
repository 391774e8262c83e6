import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { keyHealth, verificationRuns } from "@/db/schema";
import { closeQueues, getQueue } from "@/lib/jobs/queues";
import { keepSchedulersRegistered, schedulers } from "@/jobs/schedulers";
import { startWorkers, type RunningWorkers } from "@/jobs/start-workers";
import { overrideEnv } from "@/lib/env";
import { SCHEDULE } from "@/lib/key-health/schedule-policy";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { drained, waitFor } from "@/tests/helpers/jobs";
import { pauseOtherMonitoring, seedMonitoredMerchants } from "@/tests/factories/key-health";
import { withSimulator } from "@/tests/helpers/simulator";
import { startPrivateRedis } from "@/tests/helpers/private-redis";

const lightspeed = withSimulator();
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let restoreEnv: () => void;

beforeAll(async () => {
  redis = await startPrivateRedis();
  await closeQueues();
  restoreEnv = overrideEnv({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await closeQueues();
  await redis.stop();
  restoreEnv();
});

const healthRuns = (ids: string[]) =>
  db.select().from(verificationRuns).where(inArray(verificationRuns.merchantId, ids));

describe("a Redis restart while checks are scheduled", () => {
  it("loses no due check: the schedule lives in PostgreSQL and the sweep re-enqueues what Redis forgot", async () => {
    await pauseOtherMonitoring();
    const seeded = await seedMonitoredMerchants(12);
    const ids = seeded.map((s) => s.merchantId);
    for (const { key } of seeded) lightspeed.sim.upsertKey(key);
    lightspeed.sim.setLatency(300);

    const stopSchedulers = keepSchedulersRegistered();
    let workers: RunningWorkers | undefined = startWorkers(
      { concurrency: { verification: 1, health: 2, scheduler: 1, mail: 1 }, lockDuration: 5_000, schedulers: true },
      ["health"],
    );
    try {
      await waitFor(
        async () => (await getQueue("scheduler").getJobSchedulers()).length === schedulers().length,
        "the ticks to be registered",
      );
      expect((await sweepDueChecks()).enqueued).toBe(12);
      await waitFor(async () => (await healthRuns(ids)).length >= 2, "the first checks");

      await redis.shutdown();
      // While Redis is down the sweep cannot enqueue: it fails and leaves the rows due.
      const checked = new Set((await healthRuns(ids)).map((r) => r.merchantId));
      expect(checked.size).toBeLessThan(12);
      const unchecked = ids.find((id) => !checked.has(id))!;
      const past = new Date(Date.now() - 1000);
      await db.update(keyHealth).set({ nextCheckAt: past }).where(eq(keyHealth.merchantId, unchecked));
      await expect(sweepDueChecks()).rejects.toThrow(/enableOfflineQueue/);
      expect((await db.select().from(keyHealth).where(eq(keyHealth.merchantId, unchecked)))[0]?.nextCheckAt).toEqual(
        past,
      );
      await redis.start();

      // The restarted Redis is empty: the ticks come back by themselves (reconnect → upsert)...
      await waitFor(
        async () =>
          (
            await getQueue("scheduler")
              .getJobSchedulers()
              .catch(() => [])
          ).length === schedulers().length,
        "the ticks to be registered again",
      );
      // ...and what Redis forgot runs again: the reconcile tick (on registration and each minute)
      // re-queues the leased checks, and the next sweep after the lease finds any it missed. Which of
      // the two gets each one is timing; that every check runs exactly once is not.
      const afterLease = new Date(Date.now() + SCHEDULE.lease + 60_000);
      await sweepDueChecks({ now: afterLease });
      await drained("health", 30_000);

      const runs = await healthRuns(ids);
      expect(runs).toHaveLength(12);
      expect(new Set(runs.map((r) => r.merchantId)).size).toBe(12);
      const rows = await db.select().from(keyHealth).where(inArray(keyHealth.merchantId, ids));
      expect(rows.every((r) => r.lastCheckAt !== null && r.state === "healthy")).toBe(true);
    } finally {
      if (!redis.running()) await redis.start();
      lightspeed.sim.setLatency(0);
      await workers?.close();
      workers = undefined;
      await stopSchedulers();
    }
  }, 90_000);
});
