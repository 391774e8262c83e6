import { Queue } from "bullmq";
import { createLogger } from "@/lib/logger";
import { bullErrorListener, createRedis } from "@/lib/redis";
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, bullPrefix } from "@/lib/jobs/queues";

const log = createLogger("schedulers");

export type SchedulerSpec = { id: string; every: number; name: string };

/**
 * The repeatable ticks, registered with `upsertJobScheduler` (idempotent: every worker upserts
 * the same ids, so N workers still mean one schedule). A fixed, small number: the per-merchant
 * schedule lives in PostgreSQL due dates, and the sweep turns due rows into jobs.
 * - reconcile: re-queues what Redis forgot (verifying pairs without a job, leased checks whose
 *   job is gone); also run once at worker start.
 * - sla-sweep: records the 75 % SLA warning of open Actenzo steps whose warn instant passed.
 * - sla-report-summary: rebuilds the SLA report summary's days that clock writes marked dirty
 *   (lib/sla/reports/report-summary.ts); the report says how fresh it is.
 * - reminder-tick: plans due merchant reminders in bulk and enqueues due outbox emails (lib/reminders).
 * - digest-tick: plans the staff digests due at 08:00 in each person's zone (lib/digests); every
 *   5 minutes is punctual enough for a morning email.
 * - incident-canary: while a platform incident is open, a few light checks that close it once
 *   Lightspeed answers (a no-op otherwise). Its cadence is WORKER_CANARY_EVERY_MS.
 */
export function schedulers(options: { canaryEveryMs?: number; intakeEveryMs?: number } = {}): SchedulerSpec[] {
  return [
    // The access mailbox intake (lib/intake), only when INTAKE_IMAP_URL is set.
    ...(options.intakeEveryMs ? [{ id: "intake-poll", every: options.intakeEveryMs, name: JOB_NAMES.intakePoll }] : []),
    { id: "health-sweep", every: 60_000, name: JOB_NAMES.healthSweep },
    { id: "platform-incident", every: 60_000, name: JOB_NAMES.platformIncident },
    { id: "reconcile", every: 60_000, name: JOB_NAMES.reconcile },
    { id: "sla-sweep", every: 60_000, name: JOB_NAMES.slaSweep },
    { id: "sla-report-summary", every: 60_000, name: JOB_NAMES.slaReportSummary },
    { id: "reminder-tick", every: 60_000, name: JOB_NAMES.reminderTick },
    { id: "digest-tick", every: 300_000, name: JOB_NAMES.digestTick },
    { id: "incident-canary", every: options.canaryEveryMs ?? 180_000, name: JOB_NAMES.incidentCanary },
  ];
}

export async function registerSchedulers(queue: Queue, specs: SchedulerSpec[] = schedulers()): Promise<void> {
  for (const scheduler of specs) {
    await queue.upsertJobScheduler(
      scheduler.id,
      { every: scheduler.every },
      { name: scheduler.name, data: {}, opts: DEFAULT_JOB_OPTIONS.scheduler },
    );
  }
}

/**
 * Registers the ticks now and again after every Redis reconnect: a Redis that restarted without
 * persistence has forgotten them, and nothing else would bring them back until the next deploy.
 * `onReady` runs on each (re)connect too: the worker reconciles at start and after every Redis
 * restart, instead of waiting for the first tick. Returns a function that stops watching.
 */
export function keepSchedulersRegistered(
  specs: SchedulerSpec[] = schedulers(),
  options: { onReady?: () => Promise<unknown> } = {},
): () => Promise<void> {
  const connection = createRedis({}, { errors: false });
  const queue = new Queue("scheduler", {
    connection,
    prefix: bullPrefix(),
    defaultJobOptions: DEFAULT_JOB_OPTIONS.scheduler,
  });
  // BullMQ forwards the connection's errors to the queue: one listener, into the outage log.
  queue.on(
    "error",
    bullErrorListener(connection, (error) => log.error("scheduler queue error", { error })),
  );
  connection.on("ready", () => {
    registerSchedulers(queue, specs)
      .then(() => log.info("schedulers registered", { ids: specs.map((s) => s.id) }))
      // The next reconnect or worker start registers them again; the workers keep running.
      .catch((error) => log.error("could not register schedulers", { error }));
    options.onReady?.().catch((error) => log.error("reconcile after connect failed; the next tick retries", { error }));
  });
  return async () => {
    await queue.close().catch(() => {});
    connection.disconnect();
  };
}
