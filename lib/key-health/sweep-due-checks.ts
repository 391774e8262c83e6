import { and, asc, inArray, isNotNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { keyHealth, merchants } from "@/db/schema";
import { getQueue } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/logger";
import { healthCheckJob } from "./health-check-job";
import { SCHEDULE } from "./schedule-policy";

const log = createLogger("health.sweep");

/**
 * The `health-sweep` tick: finds the keys whose check is due (in PostgreSQL), enqueues one
 * `health-check` job each and leases the rows, batch by batch. Rows are locked with
 * `for update skip locked`, so two sweeps (two workers, an overlapping tick) split the work
 * instead of doubling it; the job id names merchant + kind + due slot, so a row enqueued again
 * (lease expired, job lost with a Redis restart) never yields two jobs for one slot. If Redis is
 * down the enqueue throws, the transaction rolls back and the rows stay due for the next tick.
 */
export async function sweepDueChecks(
  options: { now?: Date; batchSize?: number; maxBatches?: number } = {},
): Promise<{ enqueued: number }> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1000;
  const maxBatches = options.maxBatches ?? 50;
  const leaseUntil = new Date(now.getTime() + SCHEDULE.lease);
  let enqueued = 0;

  // Cancelling stops monitoring: a cancelled merchant's due row is taken off the schedule
  // instead of enqueued (its key is not used again).
  const stopped = await db
    .update(keyHealth)
    .set({ nextCheckAt: null, updatedAt: now })
    .where(
      and(
        lte(keyHealth.nextCheckAt, now),
        inArray(
          keyHealth.merchantId,
          db.select({ id: merchants.id }).from(merchants).where(isNotNull(merchants.cancelledAt)),
        ),
      ),
    )
    .returning({ merchantId: keyHealth.merchantId });
  if (stopped.length) log.info("monitoring stopped for cancelled merchants", { stopped: stopped.length });

  for (let batch = 0; batch < maxBatches; batch++) {
    const found = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          merchantId: keyHealth.merchantId,
          credentialId: keyHealth.credentialId,
          nextLightCheckAt: keyHealth.nextLightCheckAt,
          nextFullCheckAt: keyHealth.nextFullCheckAt,
        })
        .from(keyHealth)
        .where(lte(keyHealth.nextCheckAt, now))
        .orderBy(asc(keyHealth.nextCheckAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (rows.length === 0) return 0;

      const jobs = rows.flatMap((row) => healthCheckJob(row, now) ?? []);
      if (jobs.length) await getQueue("health").addBulk(jobs);
      await tx
        .update(keyHealth)
        .set({ nextCheckAt: leaseUntil })
        .where(
          inArray(
            keyHealth.merchantId,
            rows.map((r) => r.merchantId),
          ),
        );
      enqueued += jobs.length;
      return rows.length;
    });
    if (found < batchSize) break;
  }
  if (enqueued) log.info("health checks enqueued", { enqueued });
  return { enqueued };
}
