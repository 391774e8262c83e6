import { Queue, type JobsOptions } from "bullmq";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/logger";
import { REDIS_BOUNDS, bullErrorListener, createRedis } from "@/lib/redis";

/**
 * The queues, their jobs and default job options. One queue per kind of work so each gets its
 * own concurrency and its own counts on /admin/jobs:
 * - verification: `verify-key` (intake, "Verify now"); few, latency matters to a person waiting.
 * - health: `health-check` (one per due key, enqueued by the sweep); many, bulk.
 * - scheduler: the repeatable ticks (`health-sweep`, `platform-incident`, `sla-sweep`,
 *   `reminder-tick`, `sla-report-summary`, `digest-tick`); tiny, never retried
 *   (the next tick is a minute away and the state lives in PostgreSQL).
 * - reports: `sla-recompute` (every merchant's SLA clocks, due instants and report rows, after a
 *   policy or calendar change; restartable from its cursor); rare,
 *   up to a minute long, kept off the scheduler queue so ticks never wait behind it.
 * - mail: `send-email`, one per outbox email; retries and exactly-once live in the outbox row
 *   (lib/reminders/outbox), so a job is tried once and the tick re-enqueues what is still due.
 */
export const QUEUE_NAMES = ["verification", "health", "scheduler", "reports", "mail"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const JOB_NAMES = {
  verifyKey: "verify-key",
  healthCheck: "health-check",
  healthSweep: "health-sweep",
  platformIncident: "platform-incident",
  reconcile: "reconcile",
  incidentCanary: "incident-canary",
  slaSweep: "sla-sweep",
  intakePoll: "intake-poll",
  slaRecompute: "sla-recompute",
  slaReportSummary: "sla-report-summary",
  reminderTick: "reminder-tick",
  sendEmail: "send-email",
  digestTick: "digest-tick",
} as const;
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

const DAY_S = 24 * 3600;
const log = createLogger("queues");

export const DEFAULT_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  // Lightspeed or the network may be down for a while: 5 tries over ~8 minutes, then a failed
  // job an admin can retry. Completed jobs stay a week so a duplicate enqueue finds its id.
  verification: {
    attempts: 5,
    backoff: { type: "exponential", delay: 30_000 },
    removeOnComplete: { age: 7 * DAY_S, count: 5_000 },
    removeOnFail: { age: 30 * DAY_S, count: 5_000 },
  },
  // A failed check is rescheduled by its due date anyway; retries only cover crashes and DB blips.
  health: {
    attempts: 3,
    backoff: { type: "exponential", delay: 60_000 },
    removeOnComplete: { age: DAY_S, count: 20_000 },
    removeOnFail: { age: 14 * DAY_S, count: 5_000 },
  },
  scheduler: {
    attempts: 1,
    removeOnComplete: { count: 100 },
    removeOnFail: { age: 7 * DAY_S, count: 500 },
  },
  // A recompute rewrites derived rows only, so a retry after a crash is harmless.
  reports: {
    attempts: 3,
    backoff: { type: "exponential", delay: 30_000 },
    removeOnComplete: { count: 50 },
    removeOnFail: { age: 30 * DAY_S, count: 100 },
  },
  // A crash mid-job is covered by the outbox lease; a completed job is kept an hour so a duplicate
  // enqueue of the same attempt finds its id.
  mail: {
    attempts: 1,
    removeOnComplete: { age: 3600, count: 20_000 },
    removeOnFail: { age: 7 * DAY_S, count: 5_000 },
  },
};

/** Every BullMQ key lives under REDIS_PREFIX (tests and deployments share a Redis safely). */
export function bullPrefix() {
  return `${env.REDIS_PREFIX}:bull`;
}

type Cached = { queue: Queue; connection: ReturnType<typeof createRedis> };
const globalForQueues = globalThis as unknown as { bullQueues?: Map<string, Cached> };

/**
 * A producer queue, cached per process (and per Redis URL + prefix, which tests change). Producers
 * fail fast while Redis is down (`enableOfflineQueue: false`, a command timeout for a frozen
 * Redis) instead of hanging a request or a sweep transaction; a connection that never became
 * ready is bounded by `queueCall` (BullMQ waits for "ready" before any command).
 */
export function getQueue(name: QueueName): Queue {
  const queues = (globalForQueues.bullQueues ??= new Map());
  const cacheKey = `${env.REDIS_URL}|${bullPrefix()}|${name}`;
  const cached = queues.get(cacheKey);
  if (cached) return cached.queue;
  // BullMQ forwards the connection's errors to the queue: the queue's listener is the client's one.
  const connection = createRedis(
    { enableOfflineQueue: false, commandTimeout: REDIS_BOUNDS.commandTimeoutMs },
    { errors: false },
  );
  const queue = new Queue(name, { connection, prefix: bullPrefix(), defaultJobOptions: DEFAULT_JOB_OPTIONS[name] });
  queue.on(
    "error",
    bullErrorListener(connection, (error) => log.error("queue error", { queue: name, error })),
  );
  queues.set(cacheKey, { queue, connection });
  return queue;
}

export async function closeQueues() {
  const queues = globalForQueues.bullQueues;
  if (!queues) return;
  globalForQueues.bullQueues = undefined;
  await Promise.all(
    [...queues.values()].map(async ({ queue, connection }) => {
      await queue.close().catch(() => {});
      connection.disconnect();
    }),
  );
}
