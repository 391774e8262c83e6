import { z } from "zod";
import type { QueueName } from "@/lib/jobs/queues";

/**
 * Worker tuning from the environment (all optional). `lockDuration` is how long a job's lock
 * lives without renewal: a worker renews it every half lock while it runs, so only a dead or
 * frozen worker loses it; the stalled check then hands the job to another worker. 60 s covers a
 * full verification's worst case (timeouts and retries) even if an event loop stalls briefly.
 */
const schema = z.object({
  WORKER_VERIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  WORKER_HEALTH_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /** Tests set this false to drive the sweep themselves. */
  WORKER_SCHEDULERS: z.enum(["on", "off"]).default("on"),
});

export type WorkerConfig = {
  concurrency: Record<QueueName, number>;
  lockDuration: number;
  schedulers: boolean;
};

export function workerConfig(source: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = schema.parse(source);
  return {
    concurrency: { verification: parsed.WORKER_VERIFICATION_CONCURRENCY, health: parsed.WORKER_HEALTH_CONCURRENCY, scheduler: 1 },
    lockDuration: parsed.WORKER_LOCK_DURATION_MS,
    schedulers: parsed.WORKER_SCHEDULERS === "on",
  };
}
