import { and, asc, eq, inArray, isNotNull, sql as dsql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { db } from "@/db/client";
import { keyHealth, merchantCredentials, merchants, verificationRuns } from "@/db/schema";
import { closeQueues, getQueue, QUEUE_NAMES, type QueueName } from "@/lib/jobs/queues";
import { startWorkers, type RunningWorkers } from "@/jobs/start-workers";
import { recordKeyHalf, recordSecretHalf } from "@/lib/credentials";
import type { Stage } from "@/lib/onboarding/steps";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";
import type { SimGrants } from "@/tests/lightspeed-simulator";
import { EU_SHOP, grants } from "./simulator";

export { withSimulator, grants, randomCredential } from "./simulator";
type Sim = { addKey: (o?: { permissions?: SimGrants }) => { key: string; secret: string } };

export const ONBOARDED: Stage[] = ["user_created", "user_approved", "password_reset"];

/** In-process BullMQ workers for the file (real Redis, this vitest worker's prefix). */
export function withWorkers(queues: readonly QueueName[] = ["verification", "health"]) {
  let running: RunningWorkers | undefined;
  beforeAll(() => {
    running = startWorkers(
      { concurrency: { verification: 4, health: 8, scheduler: 1, mail: 1 }, lockDuration: 30_000, schedulers: false },
      queues,
    );
  });
  afterAll(async () => {
    await running?.close();
    await closeQueues();
  });
}

/** Polls until `probe` returns a truthy value (the thing a user would wait for), or fails. */
export async function waitFor<T>(probe: () => Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until a queue has nothing waiting, delayed or running. */
export async function drained(name: QueueName = "verification", timeoutMs = 20_000) {
  await waitFor(
    async () => {
      const c = await getQueue(name).getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children");
      return Object.values(c).every((n) => n === 0);
    },
    `queue ${name} to drain`,
    timeoutMs,
  );
}

export async function allQueuesDrained() {
  for (const name of QUEUE_NAMES) await drained(name);
}

export async function runsOf(credentialId: string) {
  return db
    .select()
    .from(verificationRuns)
    .where(eq(verificationRuns.credentialId, credentialId))
    .orderBy(asc(verificationRuns.createdAt));
}

export async function healthOf(merchantId: string) {
  const [row] = await db.select().from(keyHealth).where(eq(keyHealth.merchantId, merchantId));
  return row;
}

export async function credentialOf(id: string) {
  const [row] = await db.select().from(merchantCredentials).where(eq(merchantCredentials.id, id));
  return row;
}

/**
 * A merchant (language nl, eu1) through sign-up and the first guide steps, with a simulator key
 * recorded half by half through the credentials verbs (which queue the verification).
 */
export async function merchantWithPair(
  sim: Sim,
  options: {
    permissions?: SimGrants;
    order?: "key-first" | "secret-first";
    wrongSecret?: string;
    staff?: CreatedStaff;
  } = {},
) {
  const staff = options.staff ?? (await createStaff());
  const merchant = await createMerchant({ language: "nl", cluster: "eu1" }, { completed: ONBOARDED });
  // Its shop is known already (the simulator's eu1 shop), so its keys are judged by account, not by domain.
  await db
    .update(merchants)
    .set({ lightspeedAccountId: EU_SHOP.id, lightspeedShopDomain: EU_SHOP.mainDomain })
    .where(eq(merchants.id, merchant.id));
  const pair = sim.addKey({ permissions: options.permissions ?? grants() });
  const secret = options.wrongSecret ?? pair.secret;
  const recordKey = () => recordKeyHalf(staff.actor, { merchantId: merchant.id, key: pair.key });
  const recordSecret = () => recordSecretHalf(staff.actor, { merchantId: merchant.id, secret });
  const first = options.order === "secret-first" ? await recordSecret() : await recordKey();
  const second = options.order === "secret-first" ? await recordKey() : await recordSecret();
  if (first.credentialId !== second.credentialId) throw new Error("halves landed in different pairs");
  return { merchant, staff, key: pair.key, secret, credentialId: second.credentialId };
}

/** Makes the given merchants' next check due now (full or light), as if the time had come. */
export async function makeDue(merchantIds: string[], kind: "full" | "light") {
  const past = dsql`now() - interval '1 second'`;
  await db
    .update(keyHealth)
    .set(kind === "full" ? { nextFullCheckAt: past, nextCheckAt: past } : { nextLightCheckAt: past, nextCheckAt: past })
    .where(inArray(keyHealth.merchantId, merchantIds));
}

/** Other test files in this vitest worker leave monitored keys behind; this file's sweeps must not check them. */
export async function pauseOtherMonitoring() {
  await db
    .update(keyHealth)
    .set({ nextCheckAt: null })
    .where(and(isNotNull(keyHealth.nextCheckAt)));
}
