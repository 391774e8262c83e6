import { afterAll, beforeAll } from "vitest";
import { startWorkers, type RunningWorkers } from "@/jobs/start-workers";
import { closeQueues, getQueue, type QueueName } from "@/lib/jobs/queues";

/**
 * In-process BullMQ workers for the file (real Redis, this vitest worker's prefix). The file starts
 * from empty queues: a job an earlier file of the same vitest worker left behind (a retry waiting
 * out its backoff against a simulator that is gone) would otherwise keep "drained" from ever holding.
 */
export function withWorkers(queues: readonly QueueName[] = ["verification", "health"]) {
  let running: RunningWorkers | undefined;
  beforeAll(async () => {
    await Promise.all(queues.map((q) => getQueue(q).obliterate({ force: true })));
    running = startWorkers(
      { concurrency: { verification: 4, health: 8, scheduler: 1 }, lockDuration: 30_000, schedulers: false },
      queues,
    );
  });
  afterAll(async () => {
    await running?.close();
    await closeQueues();
  });
}

/** Test files that enqueue close the producer connections at the end. */
export function closeQueuesAfterAll() {
  afterAll(async () => {
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

/** The verify-key jobs queued for one credential (this worker's REDIS_PREFIX only). */
export async function verifyJobsFor(credentialId: string) {
  const jobs = await getQueue("verification").getJobs([
    "waiting",
    "delayed",
    "active",
    "completed",
    "failed",
    "prioritized",
  ]);
  return jobs.filter((job) => (job.data as { credentialId?: string }).credentialId === credentialId);
}
