import { eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { merchantCredentials, platformIncidents, verificationRuns } from "@/db/schema";
import { closeQueues } from "@/lib/jobs/queues";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { resetEnvCache } from "@/lib/env";
import { getJobsDashboard } from "@/lib/jobs/admin";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { setLogSink } from "@/lib/logger";
import { closeRedis } from "@/lib/redis";
import { requestVerification } from "@/lib/verification/request-verification";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";
import { seedMonitoredMerchants, pauseOtherMonitoring } from "@/tests/factories/key-health";
import { startPrivateRedis } from "@/tests/helpers/private-redis";
import { killWorkersAfterAll, spawnWorker, type SpawnedWorker } from "@/tests/helpers/spawn-worker";
import { merchantWithPair } from "@/tests/factories/credential";
import { waitFor } from "@/tests/helpers/jobs";
import { withSimulator } from "@/tests/helpers/simulator";

/**
 * Redis outages against a redis-server of this file's own (stopped, frozen with SIGSTOP, flushed,
 * restarted), with the web-side verbs in this process and a real worker process.
 */
const lightspeed = withSimulator();
killWorkersAfterAll();
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
const sharedRedisUrl = process.env.REDIS_URL;
let worker: SpawnedWorker | undefined;

function useRedis(url: string) {
  process.env.REDIS_URL = url;
  resetEnvCache();
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  await closeQueues();
  await closeRedis();
  useRedis(redis.url);
});
afterAll(async () => {
  worker?.child.kill("SIGTERM");
  await worker?.exited;
  await closeQueues();
  await closeRedis();
  await redis.stop();
  useRedis(sharedRedisUrl!);
});

const ip = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** Runs `work` and returns how it ended and how long it took. */
async function timed(work: () => Promise<unknown>) {
  const started = Date.now();
  const outcome = await work().then(
    (value) => ({ ok: true as const, value }),
    (error: Error) => ({ ok: false as const, error }),
  );
  return { ...outcome, ms: Date.now() - started };
}

/** Sign-in and "Verify now" both answer within 5 s, saying what is wrong. */
async function expectPromptRefusals(staff: CreatedStaff, merchantId: string) {
  const signIn = await timed(() => signInWithPassword({ email: staff.user.email, password: staff.password, ip: ip() }));
  expect(signIn).toMatchObject({
    ok: false,
    error: { message: expect.stringMatching(/Sign-in cannot be checked right now/) },
  });
  expect(signIn.ms).toBeLessThan(5_000);
  const verify = await timed(() => requestVerification(staff.actor, { merchantId }));
  expect(verify).toMatchObject({
    ok: false,
    error: { name: "QueueUnavailableError", message: expect.stringMatching(/unavailable right now/) },
  });
  expect(verify.ms).toBeLessThan(5_000);
}

async function expectWorking(staff: CreatedStaff, merchantId: string) {
  await waitFor(
    () =>
      signInWithPassword({ email: staff.user.email, password: staff.password, ip: ip() }).then(
        () => true,
        () => false,
      ),
    "sign-in to work again",
    15_000,
  );
  await waitFor(
    () =>
      requestVerification(staff.actor, { merchantId }).then(
        () => true,
        () => false,
      ),
    "Verify now to work again",
    15_000,
  );
}

const statusOf = async (ids: string[]) =>
  db
    .select({ id: merchantCredentials.id, status: merchantCredentials.status })
    .from(merchantCredentials)
    .where(inArray(merchantCredentials.id, ids));

describe("a Redis outage", () => {
  it("sign-in and Verify now answer within 5 s while Redis is stopped or frozen (also in a fresh process), and work again after it is back", async () => {
    const staff = await createStaff();
    const { merchant } = await merchantWithPair(lightspeed, { staff });
    await expectWorking(staff, merchant.id);

    const admin = await createStaff({ role: "admin" });
    expect(await getJobsDashboard(admin.actor, {})).toMatchObject({ available: true });

    // Stopped, with clients that were connected before.
    await redis.shutdown();
    await expectPromptRefusals(staff, merchant.id);
    // /admin/jobs states the outage instead of failing.
    const dashboard = await timed(() => getJobsDashboard(admin.actor, {}));
    expect(dashboard).toMatchObject({
      ok: true,
      value: { available: false, message: expect.stringMatching(/Redis.*cannot be reached/) },
    });
    expect(dashboard.ms).toBeLessThan(5_000);
    // A process started during the outage: its clients never reached Redis (another URL, so new clients).
    useRedis(redis.url.replace(/\/0$/, "/1"));
    await expectPromptRefusals(staff, merchant.id);
    await redis.start();
    await expectWorking(staff, merchant.id);
    useRedis(redis.url);
    await expectWorking(staff, merchant.id);

    // Frozen: connections stay open, nothing answers.
    redis.freeze();
    try {
      await expectPromptRefusals(staff, merchant.id);
      useRedis(redis.url.replace(/\/0$/, "/2"));
      await expectPromptRefusals(staff, merchant.id);
      const frozenDashboard = await timed(() => getJobsDashboard(admin.actor, {}));
      expect(frozenDashboard).toMatchObject({ ok: true, value: { available: false } });
      expect(frozenDashboard.ms).toBeLessThan(5_000);
    } finally {
      redis.thaw();
      useRedis(redis.url);
    }
    await expectWorking(staff, merchant.id);
  }, 60_000);

  it("after a Redis flush, a worker re-queues every verifying pair and every leased due check from PostgreSQL", async () => {
    await pauseOtherMonitoring();
    // Other files in this vitest worker leave verifying pairs and incidents behind; the worker
    // spawned here must reconcile this test's data only.
    await db.update(merchantCredentials).set({ status: "rejected" }).where(eq(merchantCredentials.status, "verifying"));
    await db.update(platformIncidents).set({ closedAt: new Date() }).where(isNull(platformIncidents.closedAt));
    const pairs = await Promise.all([1, 2, 3].map(() => merchantWithPair(lightspeed)));
    const monitored = await seedMonitoredMerchants(3);
    for (const { key } of monitored) lightspeed.sim.upsertKey(key);
    // The checks are queued and their rows leased for 15 minutes; the pairs' jobs are waiting.
    expect((await sweepDueChecks()).enqueued).toBe(3);

    await redis.flush();
    // Past the grace period in which a fresh `verifying` pair is about to get its job anyway.
    await db
      .update(merchantCredentials)
      .set({ updatedAt: new Date(Date.now() - 60_000) })
      .where(
        inArray(
          merchantCredentials.id,
          pairs.map((p) => p.credentialId),
        ),
      );

    // A worker with its ticks on reconciles as soon as it reaches Redis (the demo starts the same way).
    worker = spawnWorker({ ...lightspeed.env, WORKER_SCHEDULERS: "on" });
    const ids = pairs.map((p) => p.credentialId);
    await waitFor(
      async () => (await statusOf(ids)).every((p) => p.status === "active"),
      "every verifying pair to be verified",
      40_000,
    );
    await waitFor(
      async () =>
        new Set(
          (
            await db
              .select()
              .from(verificationRuns)
              .where(
                inArray(
                  verificationRuns.merchantId,
                  monitored.map((m) => m.merchantId),
                ),
              )
          ).map((r) => r.merchantId),
        ).size === 3,
      "every due check to run",
      20_000,
    );
  }, 90_000);

  it("a 30 s outage logs fewer than 20 lines per process (web side and worker), and everything works after it without a restart", async () => {
    expect(worker, "the previous test starts the worker").toBeDefined();
    const staff = await createStaff();
    const { merchant } = await merchantWithPair(lightspeed, { staff });
    await expectWorking(staff, merchant.id);

    const webLines: string[] = [];
    const restore = setLogSink((line, level) => {
      if (level !== "debug") webLines.push(line);
    });
    const workerBefore = worker!.output().split("\n").filter(Boolean).length;
    try {
      await redis.shutdown();
      const outageEnds = Date.now() + 32_000;
      // People keep trying while it lasts; every attempt is answered at once and logs nothing.
      while (Date.now() < outageEnds) {
        await expectPromptRefusals(staff, merchant.id);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      await redis.start();
      await expectWorking(staff, merchant.id);
      await waitFor(
        async () => webLines.some((l) => l.includes("redis available again")),
        "the web side to log the recovery",
        15_000,
      );
      await waitFor(
        async () => worker!.output().includes("redis available again"),
        "the worker to log the recovery",
        15_000,
      );
    } finally {
      restore();
      if (!redis.running()) await redis.start();
    }
    const workerLines = worker!.output().split("\n").filter(Boolean).slice(workerBefore);
    expect(webLines.length, webLines.join("\n")).toBeLessThan(20);
    expect(workerLines.length, workerLines.join("\n")).toBeLessThan(20);
    for (const lines of [webLines, workerLines]) {
      expect(lines.filter((l) => l.includes('"message":"redis unavailable"'))).toHaveLength(1);
      expect(lines.some((l) => l.includes('"message":"redis still unavailable"'))).toBe(true);
    }

    // The same worker, never restarted, verifies a pair that arrives after the outage.
    const after = await merchantWithPair(lightspeed);
    await waitFor(
      async () => (await statusOf([after.credentialId]))[0]?.status === "active",
      "a new pair to be verified",
      30_000,
    );
  }, 90_000);
});
