import { env, type Env } from "@/lib/env";
import type { QueueName } from "@/lib/jobs/queues";

/**
 * Worker tuning from the environment (all optional, validated in lib/env.ts). `lockDuration` is how
 * long a job's lock lives without renewal: a worker renews it every half lock while it runs, so only
 * a dead or frozen worker loses it; the stalled check then hands the job to another worker. 60 s
 * covers a full verification's worst case (timeouts and retries) even if an event loop stalls briefly.
 */
export type WorkerConfig = {
  /** Per queue; a queue left out runs one job at a time. */
  concurrency: Partial<Record<QueueName, number>>;
  lockDuration: number;
  schedulers: boolean;
  canaryEveryMs?: number;
  /** The mailbox intake's tick; undefined while INTAKE_IMAP_URL is unset (the intake is off). */
  intakeEveryMs?: number;
  /** Whether the worker keeps an IMAP connection IDLE on the mailbox (intake on and INTAKE_IDLE=on). */
  intakeIdle?: boolean;
};

type WorkerSettings = Pick<
  Env,
  | "WORKER_VERIFICATION_CONCURRENCY"
  | "WORKER_HEALTH_CONCURRENCY"
  | "WORKER_MAIL_CONCURRENCY"
  | "WORKER_LOCK_DURATION_MS"
  | "WORKER_SCHEDULERS"
  | "WORKER_CANARY_EVERY_MS"
> &
  Partial<Pick<Env, "INTAKE_IMAP_URL" | "INTAKE_POLL_EVERY_MS" | "INTAKE_IDLE">>;

export function workerConfig(parsed: WorkerSettings = env): WorkerConfig {
  return {
    concurrency: {
      verification: parsed.WORKER_VERIFICATION_CONCURRENCY,
      health: parsed.WORKER_HEALTH_CONCURRENCY,
      scheduler: 1,
      reports: 1,
      mail: parsed.WORKER_MAIL_CONCURRENCY,
    },
    lockDuration: parsed.WORKER_LOCK_DURATION_MS,
    schedulers: parsed.WORKER_SCHEDULERS === "on",
    canaryEveryMs: parsed.WORKER_CANARY_EVERY_MS,
    intakeEveryMs: parsed.INTAKE_IMAP_URL ? parsed.INTAKE_POLL_EVERY_MS : undefined,
    intakeIdle: !!parsed.INTAKE_IMAP_URL && parsed.INTAKE_IDLE !== "off",
  };
}
