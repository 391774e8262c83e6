import { and, asc, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials, merchants } from "@/db/schema";
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, getQueue } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/logger";
import { SCHEDULE } from "./schedule-policy";

const log = createLogger("health.gap-rechecks");

/**
 * Part of the `health-sweep` tick: pending pairs refused for unticked checkboxes whose re-check
 * is due (`next_recheck_at`, set by record-verification from the cadence in schedule-policy.ts)
 * are verified again through the ordinary `verify-key` job, so a merchant who ticks the boxes
 * sees the step complete without anyone pressing "Verify now". Like the key_health sweep: rows
 * locked with skip locked, leased while queued (a lost job comes back after the lease), job ids
 * naming the pair version and due slot so a row enqueued twice yields one job.
 */
export async function sweepGapRechecks(
  options: { now?: Date; batchSize?: number } = {},
): Promise<{ enqueued: number }> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + SCHEDULE.lease);
  const enqueued = await db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: merchantCredentials.id,
        version: merchantCredentials.version,
        dueAt: merchantCredentials.nextRecheckAt,
      })
      .from(merchantCredentials)
      .innerJoin(merchants, eq(merchants.id, merchantCredentials.merchantId))
      .where(
        and(
          lte(merchantCredentials.nextRecheckAt, now),
          eq(merchantCredentials.status, "rejected"),
          isNull(merchants.cancelledAt),
          isNotNull(merchantCredentials.keyCiphertext),
          isNotNull(merchantCredentials.secretCiphertext),
        ),
      )
      .orderBy(asc(merchantCredentials.nextRecheckAt))
      .limit(options.batchSize ?? 500)
      .for("update", { of: merchantCredentials, skipLocked: true });
    if (rows.length === 0) return 0;
    await getQueue("verification").addBulk(
      rows.map((row) => ({
        name: JOB_NAMES.verifyKey,
        data: { credentialId: row.id, trigger: "health" as const },
        opts: {
          ...DEFAULT_JOB_OPTIONS.verification,
          jobId: `verify-key.${row.id}.v${row.version}.recheck-${row.dueAt!.getTime()}`,
        },
      })),
    );
    await tx
      .update(merchantCredentials)
      .set({ nextRecheckAt: leaseUntil })
      .where(
        inArray(
          merchantCredentials.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.length;
  });
  if (enqueued) log.info("permission-gap re-checks enqueued", { enqueued });
  return { enqueued };
}
