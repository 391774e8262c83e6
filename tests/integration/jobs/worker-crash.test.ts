import { afterAll, describe, expect, it } from "vitest";
import { closeQueues, getQueue } from "@/lib/jobs/queues";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { createMerchant, doneSteps, ONBOARDED } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { credentialOf, runsOf } from "@/tests/factories/credential";
import { withSimulator } from "@/tests/helpers/simulator";
import { waitFor } from "@/tests/helpers/jobs";
import { killWorkersAfterAll, spawnWorker } from "@/tests/helpers/spawn-worker";

const lightspeed = withSimulator();
killWorkersAfterAll();
afterAll(closeQueues);

/** A complete pair whose first account.json answers slowly, so a worker is caught mid-job. */
async function slowPair(delayMs: number) {
  const { actor } = await createStaff();
  const merchant = await createMerchant({ language: "nl", cluster: "eu1" }, { completed: ONBOARDED });
  const pair = lightspeed.addKey();
  lightspeed.sim.injectFault({
    kind: "delay",
    ms: delayMs,
    times: 1,
    match: { apiKey: pair.key, path: /account\.json$/ },
  });
  await recordKeyHalf(actor, { merchantId: merchant.id, key: pair.key });
  const { credentialId } = await recordSecretHalf(actor, { merchantId: merchant.id, secret: pair.secret });
  const [job] = (await getQueue("verification").getJobs(["waiting"])).filter(
    (j) => j.data.credentialId === credentialId,
  );
  if (!job) throw new Error("no verify-key job was queued");
  return { merchant, pair, credentialId, jobId: job.id! };
}

const started = (key: string) => () => Promise.resolve(lightspeed.sim.requestLog.some((r) => r.apiKey === key));

describe("worker sturdiness", () => {
  it("a worker killed mid-job: the job is handed to another worker and completes exactly once", async () => {
    const { merchant, pair, credentialId, jobId } = await slowPair(5_000);

    const first = spawnWorker(lightspeed.env);
    await waitFor(started(pair.key), "the first worker to call Lightspeed", 20_000);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await runsOf(credentialId)).toHaveLength(0);
    expect(
      await getQueue("verification")
        .getJob(jobId)
        .then((j) => j?.getState()),
    ).toBe("active");

    const second = spawnWorker(lightspeed.env);
    await waitFor(
      async () =>
        (await getQueue("verification")
          .getJob(jobId)
          .then((j) => j?.getState())) === "completed",
      "the job to complete",
      30_000,
    );

    const runs = await runsOf(credentialId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ verdict: "healthy", runKey: jobId });
    expect(await credentialOf(credentialId)).toMatchObject({ status: "active" });
    expect(await doneSteps(merchant.id)).toContain("key_verified");
    // Lightspeed saw the pair twice (the killed attempt and the completed one): one run all the same.
    expect(
      lightspeed.sim.requestLog.filter((r) => r.apiKey === pair.key && r.path.endsWith("/account.json")).length,
    ).toBeGreaterThanOrEqual(2);
    const job = await getQueue("verification").getJob(jobId);
    expect(job?.stalledCounter).toBe(1);

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    for (const output of [first.output(), second.output()]) {
      expect(output).toContain('"message":"workers started"');
      expect(output).not.toContain(pair.key);
      expect(output).not.toContain(pair.secret);
    }
  }, 60_000);

  it("SIGTERM lets the running job finish, then the worker exits cleanly", async () => {
    const { pair, credentialId, jobId } = await slowPair(2_500);
    const worker = spawnWorker(lightspeed.env);
    await waitFor(started(pair.key), "the worker to call Lightspeed", 20_000);
    worker.child.kill("SIGTERM");

    expect(await worker.exited).toBe(0);
    expect(await runsOf(credentialId)).toHaveLength(1);
    expect(
      await getQueue("verification")
        .getJob(jobId)
        .then((j) => j?.getState()),
    ).toBe("completed");
    expect(worker.output()).toContain('"message":"shutdown complete"');
  }, 60_000);
});
