import { and, eq, inArray, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { merchantEvents, platformIncidents } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { getOpenPlatformIncident, refreshPlatformIncident } from "@/lib/key-health/platform-incident";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { rewriteHistory } from "@/tests/helpers/rewrite-history";
import { drained, withWorkers } from "@/tests/helpers/jobs";
import { healthOf, makeDue, pauseOtherMonitoring, seedMonitoredMerchants } from "@/tests/factories/key-health";
import { withSimulator } from "@/tests/helpers/simulator";

const lightspeed = withSimulator();
const monitor = systemActor("test");
withWorkers(["health"]);
beforeEach(pauseOtherMonitoring);

async function round(ids: string[]) {
  await makeDue(ids, "light");
  await sweepDueChecks();
  await drained("health");
}

describe("platform incidents", () => {
  it("Lightspeed failing for most merchants at once records one incident instead of an alert per merchant", async () => {
    const seeded = await seedMonitoredMerchants(24);
    for (const { key } of seeded) lightspeed.sim.upsertKey(key);
    const ids = seeded.map((s) => s.merchantId);
    lightspeed.sim.injectFault({ kind: "status", status: 502 });

    await round(ids);
    await round(ids);

    const open = await db.select().from(platformIncidents).where(isNull(platformIncidents.closedAt));
    expect(open).toHaveLength(1);
    expect((await getOpenPlatformIncident(monitor))?.summary).toMatch(
      /^Lightspeed platform errors: \d+ of \d+ health checks/,
    );
    const alerts = await db
      .select()
      .from(merchantEvents)
      .where(and(inArray(merchantEvents.merchantId, ids), eq(merchantEvents.type, "health_alert")));
    expect(alerts).toHaveLength(0);
    for (const id of ids) expect((await healthOf(id))?.state).toBe("platform_error");

    // Lightspeed recovers; a quarter of an hour later the failures have left the window.
    lightspeed.sim.clearFaults();
    await round(ids);
    await rewriteHistory(
      (tx) =>
        tx`update verification_runs set created_at = created_at - interval '20 minutes' where merchant_id in ${tx(ids)} and verdict = 'unreachable'`,
    );
    expect(await refreshPlatformIncident()).toEqual({ open: false, change: "close" });
    expect(await getOpenPlatformIncident(monitor)).toBeNull();
    for (const id of ids) expect(await healthOf(id)).toMatchObject({ state: "healthy", alertOpen: false });
  });
});
