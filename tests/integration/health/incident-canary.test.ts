import { inArray, isNull } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { keyHealth, platformIncidents } from "@/db/schema";
import { JOB_NAMES, closeQueues, getQueue } from "@/lib/jobs/queues";
import { keepSchedulersRegistered } from "@/jobs/schedulers";
import { startWorkers } from "@/jobs/start-workers";
import { workerConfig } from "@/jobs/worker-config";
import { refreshPlatformIncident } from "@/lib/key-health/platform-incident";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { drained, waitFor } from "@/tests/helpers/jobs";
import { healthOf, makeDue, pauseOtherMonitoring, seedMonitoredMerchants } from "@/tests/factories/key-health";
import { withSimulator } from "@/tests/helpers/simulator";

const lightspeed = withSimulator();
beforeEach(async () => {
  await pauseOtherMonitoring();
  await db.update(platformIncidents).set({ closedAt: new Date() }).where(isNull(platformIncidents.closedAt));
});
afterAll(closeQueues);

const openIncidents = () => db.select().from(platformIncidents).where(isNull(platformIncidents.closedAt));

describe("the platform-incident canary", () => {
  it("closes the incident within one canary interval of Lightspeed recovering, then the affected merchants are re-checked within minutes", async () => {
    // The production cadence keeps the promise: an incident closes within 10 minutes of recovery.
    expect(workerConfig().canaryEveryMs).toBeLessThanOrEqual(10 * 60_000);

    const seeded = await seedMonitoredMerchants(24);
    for (const { key } of seeded) lightspeed.sim.upsertKey(key);
    const ids = seeded.map((s) => s.merchantId);
    const workers = startWorkers(
      { concurrency: { verification: 1, health: 8, scheduler: 1, mail: 1 }, lockDuration: 30_000, schedulers: false },
      ["scheduler", "health"],
    );
    const stopCanary = keepSchedulersRegistered([
      { id: "incident-canary", every: 2_000, name: JOB_NAMES.incidentCanary },
    ]);
    try {
      lightspeed.sim.injectFault({ kind: "status", status: 502 });
      for (let round = 0; round < 2; round++) {
        await makeDue(ids, "light");
        await sweepDueChecks();
        await drained("health");
      }
      expect(await openIncidents()).toHaveLength(1);
      for (const id of ids) expect((await healthOf(id))?.state).toBe("platform_error");
      // While Lightspeed still fails, the canary keeps the incident open.
      await new Promise((resolve) => setTimeout(resolve, 4_500));
      expect(await openIncidents()).toHaveLength(1);

      lightspeed.sim.clearFaults();
      const recovered = Date.now();
      await waitFor(async () => (await openIncidents()).length === 0, "the canary to close the incident", 15_000);
      expect(Date.now() - recovered).toBeLessThan(10_000);

      // Every merchant in "Platform error" is due within 5 minutes instead of after its 30-minute+ backoff.
      const rows = await db.select().from(keyHealth).where(inArray(keyHealth.merchantId, ids));
      expect(rows.every((r) => r.nextCheckAt && r.nextCheckAt.getTime() <= Date.now() + 5 * 60_000 + 1_000)).toBe(true);
      await sweepDueChecks({ now: new Date(Date.now() + 5 * 60_000 + 1_000) });
      await drained("health");
      for (const id of ids) expect((await healthOf(id))?.state).toBe("healthy");
      // The failures from before the close do not reopen it.
      expect((await refreshPlatformIncident()).open).toBe(false);
    } finally {
      await stopCanary();
      await getQueue("scheduler").removeJobScheduler("incident-canary");
      await workers.close();
    }
  }, 60_000);
});
