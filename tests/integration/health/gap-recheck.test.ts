import { eq, sql as dsql } from "drizzle-orm";
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { merchantCredentials } from "@/db/schema";
import { processHealthSweep } from "@/jobs/processors/health-sweep";
import { listKeyHealth } from "@/lib/key-health/list-key-health";
import { parseHealthParams } from "@/lib/key-health/health-params";
import { doneSteps, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { credentialOf, merchantWithPair, runsOf } from "@/tests/factories/credential";
import { drained, waitFor, withWorkers } from "@/tests/helpers/jobs";
import { grants, withSimulator } from "@/tests/helpers/simulator";

const lightspeed = withSimulator();
withWorkers(["verification"]);

/** The minute tick as the scheduler runs it (no person involved). */
const tick = () => processHealthSweep({ data: {} } as Job);

describe("a pending key short of permissions is re-checked by itself", () => {
  it("turns healthy after the merchant ticks the boxes, with no manual action, and the step completes", async () => {
    const { merchant, staff, key, secret, credentialId } = await merchantWithPair(lightspeed, {
      permissions: grants({ orders: { write: false } }),
    });
    await waitFor(async () => (await runsOf(credentialId)).length, "the first run");
    await drained();

    const refused = await credentialOf(credentialId);
    expect(refused).toMatchObject({ status: "rejected", gapSeenAt: expect.any(Date) });
    const inMinutes = (refused!.nextRecheckAt!.getTime() - Date.now()) / 60_000;
    expect(inMinutes).toBeGreaterThan(12);
    expect(inMinutes).toBeLessThan(17);

    // /health names the next check instead of "—".
    const health = await listKeyHealth(staff.actor, { ...parseHealthParams({}), state: ["permission_gap"] });
    expect(health.rows.find((r) => r.merchantId === merchant.id)?.nextCheckAt?.getTime()).toBe(
      refused!.nextRecheckAt!.getTime(),
    );

    // Not due yet: the tick leaves it alone.
    await tick();
    await drained();
    expect(await runsOf(credentialId)).toHaveLength(1);

    // The merchant ticks the box in Lightspeed; time passes until the re-check is due.
    lightspeed.sim.upsertKey({ key, secret, shopId: 1001, enabled: true, permissions: grants() });
    await db
      .update(merchantCredentials)
      .set({ nextRecheckAt: dsql`now() - interval '1 second'` })
      .where(eq(merchantCredentials.id, credentialId));
    await tick();
    await waitFor(async () => (await runsOf(credentialId)).length === 2, "the re-check run");
    await drained();

    const runs = await runsOf(credentialId);
    expect(runs[1]).toMatchObject({ verdict: "healthy", trigger: "health", kind: "full" });
    expect(await credentialOf(credentialId)).toMatchObject({ status: "active", nextRecheckAt: null, gapSeenAt: null });
    expect(await doneSteps(merchant.id)).toContain("key_verified");
    expect((await readMerchant(merchant.id)).merchantActionRequired).toBeNull();
  });

  it("a re-check that finds the same gap schedules the next one without a new timeline entry", async () => {
    const { merchant, credentialId } = await merchantWithPair(lightspeed, {
      permissions: grants({ tracking: { read: false } }),
    });
    await waitFor(async () => (await runsOf(credentialId)).length, "the first run");
    await drained();
    const first = await credentialOf(credentialId);

    await db
      .update(merchantCredentials)
      .set({ nextRecheckAt: dsql`now() - interval '1 second'` })
      .where(eq(merchantCredentials.id, credentialId));
    await tick();
    await waitFor(async () => (await runsOf(credentialId)).length === 2, "the re-check run");
    await drained();
    const after = await credentialOf(credentialId);
    expect(after).toMatchObject({ status: "rejected", gapSeenAt: first!.gapSeenAt });
    expect(after!.nextRecheckAt!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(await eventsOf(merchant.id, "verification")).toHaveLength(1);
  });
});
