import { and, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import { db } from "@/db/client";
import { keyHealth, merchants } from "@/db/schema";
import { getQueue } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/logger";
import { healthCheckJob } from "./health-check-job";
import { sweepDueChecks } from "./sweep-due-checks";

const log = createLogger("health.reconcile");

/**
 * Part of the reconciliation tick. Due rows without a lease are the sweep's (run here too); a
 * leased row whose job Redis no longer has (restart without persistence, FLUSHALL) would wait for
 * its 15-minute lease, so its job is added again now under the same id (merchant + kind + slot):
 * a job that still exists, in any state, makes the add a no-op.
 */
export async function reconcileHealthChecks(now = new Date()): Promise<{ enqueued: number; requeued: number }> {
  const { enqueued } = await sweepDueChecks({ now });
  const leased = await db
    .select({
      merchantId: keyHealth.merchantId,
      credentialId: keyHealth.credentialId,
      nextLightCheckAt: keyHealth.nextLightCheckAt,
      nextFullCheckAt: keyHealth.nextFullCheckAt,
    })
    .from(keyHealth)
    .innerJoin(merchants, eq(merchants.id, keyHealth.merchantId))
    .where(
      and(
        gt(keyHealth.nextCheckAt, now),
        isNotNull(keyHealth.credentialId),
        isNull(merchants.cancelledAt),
        or(lte(keyHealth.nextLightCheckAt, now), lte(keyHealth.nextFullCheckAt, now)),
      ),
    )
    .limit(1000);
  if (leased.length === 0) return { enqueued, requeued: 0 };

  const queue = getQueue("health");
  const jobs = leased.flatMap((row) => healthCheckJob(row, now) ?? []);
  const states = await Promise.all(jobs.map((job) => queue.getJobState(job.opts.jobId)));
  const lost = jobs.filter((_, i) => states[i] === "unknown");
  if (lost.length) {
    await queue.addBulk(lost);
    log.info("lost health checks re-queued", { requeued: lost.length });
  }
  return { enqueued, requeued: lost.length };
}
