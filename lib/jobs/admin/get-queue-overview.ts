import { QUEUE_NAMES, getQueue, type QueueName } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { JOB_STATES, type JobState } from "./job-states";

export type QueueOverview = {
  name: QueueName;
  counts: Record<JobState, number>;
  paused: boolean;
  /** Connections of live workers (Redis CLIENT LIST); a dead worker drops out within seconds. */
  workers: { address: string; ageSeconds: number; idleSeconds: number }[];
  schedulers: { id: string; every: number | null; next: Date | null }[];
};

/**
 * The /admin/jobs summary: per queue, job counts per state, workers online (with the age of their
 * Redis connection, i.e. their uptime) and the repeatable ticks.
 * Throws QueueUnavailableError within seconds while Redis is down (the page shows the outage).
 */
export async function getQueueOverview(actor: Actor): Promise<QueueOverview[]> {
  authorize(actor, "jobs:manage");
  return queueCall(() =>
    Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const queue = getQueue(name);
        const [counts, paused, workers, schedulers] = await Promise.all([
          queue.getJobCounts(...JOB_STATES),
          queue.isPaused(),
          queue.getWorkers(),
          name === "scheduler" ? queue.getJobSchedulers() : Promise.resolve([]),
        ]);
        return {
          name,
          counts: Object.fromEntries(JOB_STATES.map((s) => [s, counts[s] ?? 0])) as Record<JobState, number>,
          paused,
          workers: workers.map((w) => ({
            address: w.addr ?? "?",
            ageSeconds: Number(w.age ?? 0),
            idleSeconds: Number(w.idle ?? 0),
          })),
          schedulers: schedulers.map((s) => ({
            id: s.key,
            every: s.every ? Number(s.every) : null,
            next: s.next ? new Date(s.next) : null,
          })),
        };
      }),
    ),
  );
}
