import { describe, expect, it } from "vitest";
import { getQueue } from "@/lib/jobs/queues";
import { requestVerification, enqueueVerification, runVerification, getVerificationHistory } from "@/lib/verification";
import { doneSteps, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { credentialOf, merchantWithPair, runsOf } from "@/tests/factories/credential";
import { drained, withWorkers, waitFor } from "@/tests/helpers/jobs";
import { grants, randomCredential, withSimulator } from "@/tests/helpers/simulator";
import { healthOf } from "@/tests/factories/key-health";

const lightspeed = withSimulator();
withWorkers(["verification"]);

describe("verify-key jobs", () => {
  it.each(["key-first", "secret-first"] as const)(
    "both halves recorded (%s) → one verification → key_verified completed",
    async (order) => {
      const { merchant, credentialId } = await merchantWithPair(lightspeed, { order });
      await waitFor(async () => (await runsOf(credentialId)).length, "the verification run");
      await drained();
      const [run] = await runsOf(credentialId);

      expect(await runsOf(credentialId)).toHaveLength(1);
      expect(run).toMatchObject({
        verdict: "healthy",
        trigger: "halves_complete",
        kind: "full",
        cluster: "eu1",
        missing: [],
      });
      expect(await doneSteps(merchant.id)).toContain("key_verified");
      expect(await credentialOf(credentialId)).toMatchObject({ status: "active", cluster: "eu1" });
      expect(await healthOf(merchant.id)).toMatchObject({ state: "healthy", credentialId, alertOpen: false });
      const health = await healthOf(merchant.id);
      expect(health!.nextCheckAt!.getTime()).toBeGreaterThan(Date.now() + 5 * 3600_000);
      expect((await readMerchant(merchant.id)).merchantActionRequired).toBeNull();
    },
  );

  it("a wrong pair puts the ball back with the merchant, saying the pair was rejected", async () => {
    const { merchant, credentialId } = await merchantWithPair(lightspeed, { wrongSecret: randomCredential() });
    await waitFor(async () => (await runsOf(credentialId)).length, "the verification run");
    await drained();

    const stored = await readMerchant(merchant.id);
    expect(stored.ballInCourt).toBe("merchant");
    expect(stored.merchantActionRequired).toMatch(/rejected this API key and secret/);
    expect(await credentialOf(credentialId)).toMatchObject({ status: "rejected" });
    expect(await doneSteps(merchant.id)).not.toContain("key_verified");
    expect((await runsOf(credentialId))[0]).toMatchObject({ verdict: "invalid_credentials" });
  });

  it("unticked checkboxes are named; after the merchant ticks them, Verify now completes the step and the history says what changed", async () => {
    const { merchant, staff, key, secret, credentialId } = await merchantWithPair(lightspeed, {
      permissions: grants({ orders: { write: false }, tracking: { read: false } }),
    });
    await waitFor(async () => (await runsOf(credentialId)).length, "the first run");
    await drained();
    expect((await readMerchant(merchant.id)).merchantActionRequired).toBe(
      "Tick these checkboxes on the API key and save: Orders → Write, Tracking → Read.",
    );

    lightspeed.sim.upsertKey({ key, secret, shopId: 1001, enabled: true, permissions: grants() });
    const queued = await requestVerification(staff.actor, { merchantId: merchant.id });
    expect(queued).toMatchObject({ credentialId, enqueued: true });
    await waitFor(async () => (await runsOf(credentialId)).length === 2, "the second run");
    await drained();

    const stored = await readMerchant(merchant.id);
    expect(stored.merchantActionRequired).toBeNull();
    expect(stored.ballInCourt).toBe("agency");
    expect(await doneSteps(merchant.id)).toContain("key_verified");
    const history = await getVerificationHistory(staff.actor, { merchantId: merchant.id });
    expect(history.map((h) => h.verdict)).toEqual(["healthy", "incomplete_permissions"]);
    expect(history[0]!.changes).toEqual(["now healthy", "Orders → Write granted", "Tracking → Read granted"]);
    expect(history[1]!.missing).toEqual(["orders:write", "tracking:read"]);
  });

  it("a duplicate enqueue (double click, retried request, replayed job) yields one job and one run", async () => {
    const { credentialId, merchant } = await merchantWithPair(lightspeed);
    const again = await Promise.all(
      [1, 2, 3].map(() => enqueueVerification({ credentialId, trigger: "halves_complete" })),
    );
    expect(new Set(again.map((r) => r.jobId)).size).toBe(1);
    await waitFor(async () => (await runsOf(credentialId)).length, "the run");
    await drained();
    const [run] = await runsOf(credentialId);

    // The same job delivered again (e.g. after a stall) finds its run instead of verifying twice.
    const replay = await runVerification({ credentialId, trigger: "halves_complete", runKey: run!.runKey! });
    expect(replay.runId).toBe(run!.id);
    expect(await enqueueVerification({ credentialId, trigger: "halves_complete" })).toMatchObject({ enqueued: false });
    expect(await runsOf(credentialId)).toHaveLength(1);
    expect(await eventsOf(merchant.id, "verification")).toHaveLength(1);
    const jobs = (await getQueue("verification").getJobs(["completed", "failed", "waiting", "active"])).filter(
      (j) => j.data.credentialId === credentialId,
    );
    expect(jobs).toHaveLength(1);
  });

  it("a payload carrying anything but ids fails at once, without retries", async () => {
    const job = await getQueue("verification").add(
      "verify-key",
      { credentialId: "not-a-uuid", trigger: "verify_now", secret: "x".repeat(32) },
      { attempts: 5 },
    );
    await waitFor(async () => (await job.getState()) === "failed", "the job to fail");
    const failed = await getQueue("verification").getJob(job.id!);
    expect(failed!.attemptsMade).toBe(1);
    expect(failed!.failedReason).toBe("Invalid job payload (credentialId, (root))");
    await failed!.remove();
  });
});
