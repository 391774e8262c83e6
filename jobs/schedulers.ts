import { Queue } from "bullmq";
import { createLogger } from "@/lib/logger";
import { createRedis } from "@/lib/redis";
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, bullPrefix } from "@/lib/jobs/queues";

const log = createLogger("schedulers");

/**
 * The repeatable ticks, registered with `upsertJobScheduler` (idempotent: every worker upserts
 * the same two ids, so N workers still mean one schedule). A fixed, small number: the
 * per-merchant schedule lives in PostgreSQL due dates, and the sweep turns due rows into jobs.
 */
export const SCHEDULERS = [
  { id: "health-sweep", every: 60_000, name: JOB_NAMES.healthSweep },
  { id: "platform-incident", every: 60_000, name: JOB_NAMES.platformIncident },
] as const;

export async function registerSchedulers(queue: Queue): Promise<void> {
  for (const scheduler of SCHEDULERS) {
    await queue.upsertJobScheduler(scheduler.id, { every: scheduler.every }, { name: scheduler.name, data: {}, opts: DEFAULT_JOB_OPTIONS.scheduler });
  }
}

/**
 * Registers the ticks now and again after every Redis reconnect: a Redis that restarted without
 * persistence has forgotten them, and nothing else would bring them back until the next deploy.
 * Returns a function that stops watching.
 */
export function keepSchedulersRegistered(): () => Promise<void> {
  const connection = createRedis();
  const queue = new Queue("scheduler", { connection, prefix: bullPrefix(), defaultJobOptions: DEFAULT_JOB_OPTIONS.scheduler });
  queue.on("error", () => {});
  connection.on("error", () => {});
  connection.on("ready", () => {
    registerSchedulers(queue)
      .then(() => log.info("schedulers registered", { ids: SCHEDULERS.map((s) => s.id) }))
      // The next reconnect or worker start registers them again; the workers keep running.
      .catch((error) => log.error("could not register schedulers", { error }));
  });
  return async () => {
    await queue.close().catch(() => {});
    connection.disconnect();
  };
}
