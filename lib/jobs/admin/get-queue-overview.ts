import { QUEUE_NAMES, getQueue, type QueueName } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";

export type QueueOverview = {
  name: QueueName;
  counts: { waiting: number; active: number; delayed: number; failed: number; completed: number };
  paused: boolean;
  /** Connections of live workers (Redis CLIENT LIST); a dead worker drops out within seconds. */
  workers: { address: string; ageSeconds: number; idleSeconds: number }[];
  schedulers: { id: string; every: number | null; next: Date | null }[];
};

/**
 * The /admin/jobs summary: per queue, job counts, workers online and the repeatable ticks.
 * Throws QueueUnavailableError within seconds while Redis is down (the page shows the outage).
 */
export async function getQueueOverview(actor: Actor): Promise<QueueOverview[]> {
  authorize(actor, "jobs:manage");
  return queueCall(() =>
    Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const queue = getQueue(name);
        const [counts, paused, workers, schedulers] = await Promise.all([
          queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed", "completed"),
          queue.isPaused(),
          queue.getWorkers(),
          name === "scheduler" ? queue.getJobSchedulers() : Promise.resolve([]),
        ]);
        return {
          name,
          counts: {
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
            completed: counts.completed ?? 0,
          },
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
