import { asc, inArray, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { keyHealth } from "@/db/schema";
import { JOB_NAMES, getQueue } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/logger";
import { SCHEDULE, dueCheck } from "./schedule-policy";

const log = createLogger("health.sweep");

/**
 * The `health-sweep` tick: finds the keys whose check is due (in PostgreSQL), enqueues one
 * `health-check` job each and leases the rows, batch by batch. Rows are locked with
 * `for update skip locked`, so two sweeps (two workers, an overlapping tick) split the work
 * instead of doubling it; the job id names merchant + kind + due slot, so a row enqueued again
 * (lease expired, job lost with a Redis restart) never yields two jobs for one slot. If Redis is
 * down the enqueue throws, the transaction rolls back and the rows stay due for the next tick.
 */
export async function sweepDueChecks(options: { now?: Date; batchSize?: number; maxBatches?: number } = {}): Promise<{ enqueued: number }> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1000;
  const maxBatches = options.maxBatches ?? 50;
  const leaseUntil = new Date(now.getTime() + SCHEDULE.lease);
  let enqueued = 0;

  for (let batch = 0; batch < maxBatches; batch++) {
    const found = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ merchantId: keyHealth.merchantId, credentialId: keyHealth.credentialId, nextLightCheckAt: keyHealth.nextLightCheckAt, nextFullCheckAt: keyHealth.nextFullCheckAt })
        .from(keyHealth)
        .where(lte(keyHealth.nextCheckAt, now))
        .orderBy(asc(keyHealth.nextCheckAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (rows.length === 0) return 0;

      const jobs = rows.flatMap((row) => {
        const due = dueCheck(row, now);
        if (!due || !row.credentialId) return [];
        const slot = due.dueAt.getTime();
        return [{
          name: JOB_NAMES.healthCheck,
          data: { merchantId: row.merchantId, credentialId: row.credentialId, kind: due.kind, dueAt: due.dueAt.toISOString() },
          opts: { jobId: `health-check.${row.merchantId}.${due.kind}.${slot}` },
        }];
      });
      if (jobs.length) await getQueue("health").addBulk(jobs);
      await tx.update(keyHealth).set({ nextCheckAt: leaseUntil }).where(inArray(keyHealth.merchantId, rows.map((r) => r.merchantId)));
      enqueued += jobs.length;
      return rows.length;
    });
    if (found < batchSize) break;
  }
  if (enqueued) log.info("health checks enqueued", { enqueued });
  return { enqueued };
}
