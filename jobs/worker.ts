/**
 * `npm run worker`: runs the BullMQ workers and registers the repeatable ticks. Stops gracefully
 * on SIGTERM/SIGINT: running jobs finish (up to 60 s; after that they are left to the stalled
 * check, which hands them to another worker), then the connections close. A second signal exits
 * at once.
 */
import { loadEnvFile } from "@/lib/load-env-file";

loadEnvFile();

const { createLogger } = await import("@/lib/logger");
const { closeDb } = await import("@/db/client");
const { closeRedis } = await import("@/lib/redis");
const { closeQueues } = await import("@/lib/jobs/queues");
const { keepSchedulersRegistered, schedulers } = await import("./schedulers");
const { reconcileNow } = await import("./processors/reconcile");
const { startWorkers } = await import("./start-workers");
const { workerConfig } = await import("./worker-config");
const { intakeConfig } = await import("@/lib/intake/intake-config");
const { watchMailbox } = await import("@/lib/intake/watch-mailbox");

const log = createLogger("worker");
const config = workerConfig();
const running = startWorkers(config);
log.info("workers started", { pid: process.pid, concurrency: config.concurrency, lockDuration: config.lockDuration });

// With the ticks on, the worker also reconciles at start and after each Redis reconnect: pairs
// `verifying` without a job and checks whose job Redis lost are queued again (the demo relies on it).
const reconcileOnConnect = async () => {
  const result = await reconcileNow();
  log.info("reconciled with PostgreSQL", result);
};
const stopSchedulers = config.schedulers
  ? keepSchedulersRegistered(schedulers({ canaryEveryMs: config.canaryEveryMs, intakeEveryMs: config.intakeEveryMs }), {
      onReady: reconcileOnConnect,
    })
  : async () => {};

// New mail wakes a poll at once (IDLE); the intake-poll tick stays the safety net.
const intake = intakeConfig();
const watcher = config.intakeIdle && intake ? watchMailbox(intake) : null;

const SHUTDOWN_TIMEOUT_MS = 60_000;
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) {
    log.warn("second signal: exiting now", { signal });
    process.exit(1);
  }
  stopping = true;
  log.info("shutting down: finishing running jobs", { signal });
  const timer = setTimeout(() => {
    log.warn("shutdown timed out; unfinished jobs will be retried by another worker");
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  try {
    await watcher?.stop();
    await stopSchedulers();
    await running.close();
    await closeQueues();
    await closeRedis();
    await closeDb();
    log.info("shutdown complete");
    process.exit(0);
  } catch (error) {
    log.error("shutdown failed", { error });
    process.exit(1);
  }
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("unhandledRejection", (reason) => log.error("unhandled rejection", { error: reason }));
