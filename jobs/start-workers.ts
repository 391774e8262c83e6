import { Worker } from "bullmq";
import { createLogger } from "@/lib/logger";
import { reportRepeated } from "@/lib/dependency-outage";
import { bullErrorListener, createRedis } from "@/lib/redis";
import { processJob } from "./processors";
import { QUEUE_NAMES, bullPrefix, type QueueName } from "@/lib/jobs/queues";
import type { WorkerConfig } from "./worker-config";

const log = createLogger("worker");

export type RunningWorkers = { workers: Worker[]; close: () => Promise<void> };

/**
 * One BullMQ Worker per queue. Their connections come from `createRedis()` (retry forever,
 * `maxRetriesPerRequest: null`), so a Redis restart pauses them and they carry on when it is
 * back; a PostgreSQL restart fails the jobs that were mid-query, and their retries (backoff)
 * succeed once it is back. Stalled jobs (a worker died holding the lock) are moved back to
 * waiting by the stalled check of any live worker; after 2 stalls a job fails instead of
 * crashing workers forever.
 */
export function startWorkers(config: WorkerConfig, queues: readonly QueueName[] = QUEUE_NAMES): RunningWorkers {
  const connections: ReturnType<typeof createRedis>[] = [];
  const workers = queues.map((name) => {
    // BullMQ forwards the errors of this connection and of its blocking duplicate as the worker's
    // 'error' event: that is the one listener, and it feeds the outage log (three lines per outage).
    const connection = createRedis({}, { errors: false });
    connections.push(connection);
    const worker = new Worker(name, processJob, {
      connection,
      prefix: bullPrefix(),
      concurrency: config.concurrency[name] ?? 1,
      lockDuration: config.lockDuration,
      stalledInterval: Math.max(1000, Math.floor(config.lockDuration / 2)),
      maxStalledCount: 2,
    });
    // Without an 'error' listener a Redis hiccup would crash the process (see BullMQ docs).
    // Errors while connected come per job in bursts after an outage (lost locks, jobs Redis forgot):
    // the first of each kind is logged, the rest counted.
    worker.on(
      "error",
      bullErrorListener(connection, (error) => reportRepeated("worker", "worker error", error, { queue: name })),
    );
    worker.on("failed", (job, error) =>
      log.warn("job failed", {
        queue: name,
        job: job?.name,
        jobId: job?.id,
        attemptsMade: job?.attemptsMade,
        error: error.message,
      }),
    );
    worker.on("stalled", (jobId) => log.warn("job stalled; handed back to the queue", { queue: name, jobId }));
    return worker;
  });

  return {
    workers,
    // close() stops fetching and waits for running jobs to finish, then drops the connections.
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      // BullMQ leaves connections it was given open; they are ours to close.
      for (const connection of connections) connection.disconnect();
    },
  };
}
