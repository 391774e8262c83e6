import { randomUUID } from "node:crypto";
import { Worker, type Job } from "bullmq";
import { bullPrefix, getQueue, type QueueName } from "@/lib/jobs/queues";
import { createRedis } from "@/lib/redis";

export type JobFixture = {
  queue: QueueName;
  name?: string;
  data?: Record<string, unknown>;
  jobId?: string;
  /** Lines written with `job.log`, as a processor would. */
  logs?: string[];
};

/**
 * A job in a given state without running the app's processors: added to the real queue, then (for
 * failed/completed) taken by a processor-less worker and finished by hand, as BullMQ's manual
 * processing does. `lifo` puts it first in line, so the hand-worker takes this job and no other.
 */
export async function createJob(
  state: "waiting" | "delayed" | "failed" | "completed",
  fixture: JobFixture,
  options: { failedReason?: string } = {},
): Promise<Job> {
  const queue = getQueue(fixture.queue);
  const job = await queue.add(fixture.name ?? "reconcile", fixture.data ?? {}, {
    jobId: fixture.jobId ?? `fixture.${randomUUID()}`,
    attempts: 1,
    ...(state === "delayed" ? { delay: 3_600_000 } : {}),
    ...(state === "failed" || state === "completed" ? { lifo: true } : {}),
  });
  for (const line of fixture.logs ?? []) await job.log(line);
  if (state === "waiting" || state === "delayed") return job;

  const connection = createRedis({}, { errors: false });
  const worker = new Worker(fixture.queue, null, { connection, prefix: bullPrefix(), autorun: false });
  try {
    const token = randomUUID();
    const active = await worker.getNextJob(token, { block: false });
    if (!active || active.id !== job.id)
      throw new Error(`createJob: took ${active?.id ?? "nothing"} instead of ${job.id}`);
    if (state === "failed")
      await active.moveToFailed(new Error(options.failedReason ?? "Fixture failure"), token, false);
    else await active.moveToCompleted({ fixture: true }, token, false);
  } finally {
    await worker.close();
    connection.disconnect();
  }
  return (await queue.getJob(job.id!))!;
}
