import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { keyHealth, verificationRuns } from "@/db/schema";
import { closeQueues } from "@/lib/jobs/queues";
import { startWorkers } from "@/jobs/start-workers";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { cancelMerchant } from "@/lib/onboarding/cancel-merchant";
import { createStaff } from "@/tests/factories/staff";
import { drained } from "@/tests/helpers/jobs";
import { healthOf, makeDue, pauseOtherMonitoring, seedMonitoredMerchants } from "@/tests/factories/key-health";
import { withSimulator } from "@/tests/helpers/simulator";

const lightspeed = withSimulator();
beforeEach(pauseOtherMonitoring);
afterAll(closeQueues);

describe("a cancelled merchant", () => {
  it("is never checked again: a check queued before the cancellation does not call Lightspeed, and the sweep takes it off the schedule", async () => {
    const { actor } = await createStaff({ role: "lead" });
    const [cancelled, live] = await seedMonitoredMerchants(2);
    for (const { key } of [cancelled!, live!]) lightspeed.sim.upsertKey(key);

    // Both checks are queued; then one merchant cancels before a worker gets to them.
    expect((await sweepDueChecks()).enqueued).toBe(2);
    await cancelMerchant(actor, { merchantId: cancelled!.merchantId, reason: "Stopped selling online" });
    const workers = startWorkers(
      { concurrency: { verification: 1, health: 4, scheduler: 1, mail: 1 }, lockDuration: 30_000, schedulers: false },
      ["health"],
    );
    try {
      await drained("health");
      // Later rounds: the next due date comes, the sweep runs again.
      await makeDue([cancelled!.merchantId, live!.merchantId], "light");
      expect((await sweepDueChecks()).enqueued).toBe(1);
      await drained("health");
    } finally {
      await workers.close();
    }

    const requestsWith = (key: string) => lightspeed.sim.requestLog.filter((r) => r.apiKey === key).length;
    expect(requestsWith(cancelled!.key.key)).toBe(0);
    expect(requestsWith(live!.key.key)).toBeGreaterThanOrEqual(2);
    expect(
      await db.select().from(verificationRuns).where(eq(verificationRuns.merchantId, cancelled!.merchantId)),
    ).toHaveLength(0);
    expect((await healthOf(cancelled!.merchantId))?.nextCheckAt).toBeNull();
    expect(
      (await db.select().from(keyHealth).where(eq(keyHealth.merchantId, live!.merchantId)))[0]?.nextCheckAt,
    ).not.toBeNull();
  });
});
