import { and, count, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { db } from "@/db/client";
import { merchantCredentials, merchants, verificationRuns } from "@/db/schema";
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, getQueue } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/logger";

const log = createLogger("verification.reconcile");

/**
 * A pair turns `verifying` in one transaction and gets its job right after; a pair younger than
 * this is left alone so the tick never races the enqueue that is about to happen.
 */
export const RECONCILE_GRACE_MS = 15_000;

/** A job in one of these states will still run, or waits for a person (failed: /admin/jobs retry, "Verify now"). */
const KEEPING_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children", "failed"]);

/**
 * Part of the reconciliation tick: every pair that is `verifying` (merchant not cancelled) but has
 * no job in Redis that will run it, e.g. after Redis restarted without persistence, gets one.
 * The job id is deterministic (pair version + runs so far), so two workers reconciling at once
 * add one job, and its run key is new, so a stored inconclusive run is not replayed.
 */
export async function reconcileVerifications(
  options: { now?: Date; graceMs?: number } = {},
): Promise<{ requeued: number }> {
  const now = options.now ?? new Date();
  const settled = new Date(now.getTime() - (options.graceMs ?? RECONCILE_GRACE_MS));
  const pairs = await db
    .select({ id: merchantCredentials.id, version: merchantCredentials.version })
    .from(merchantCredentials)
    .innerJoin(merchants, eq(merchants.id, merchantCredentials.merchantId))
    .where(
      and(
        eq(merchantCredentials.status, "verifying"),
        isNull(merchants.cancelledAt),
        isNotNull(merchantCredentials.keyCiphertext),
        isNotNull(merchantCredentials.secretCiphertext),
        lte(merchantCredentials.updatedAt, settled),
      ),
    )
    .limit(1000);
  if (pairs.length === 0) return { requeued: 0 };

  const queue = getQueue("verification");
  const kept = await pairsWithJobs(queue);
  const orphans = pairs.filter((p) => !kept.has(`${p.id}.v${p.version}`));
  if (orphans.length === 0) return { requeued: 0 };

  const runs = await db
    .select({ credentialId: verificationRuns.credentialId, n: count() })
    .from(verificationRuns)
    .where(
      inArray(
        verificationRuns.credentialId,
        orphans.map((p) => p.id),
      ),
    )
    .groupBy(verificationRuns.credentialId);
  const runsOf = new Map(runs.map((r) => [r.credentialId, r.n]));
  await queue.addBulk(
    orphans.map((p) => ({
      name: JOB_NAMES.verifyKey,
      data: { credentialId: p.id, trigger: "halves_complete" as const },
      opts: {
        ...DEFAULT_JOB_OPTIONS.verification,
        jobId: `verify-key.${p.id}.v${p.version}.reconcile-${runsOf.get(p.id) ?? 0}`,
      },
    })),
  );
  log.info("verifications re-queued", { requeued: orphans.length });
  return { requeued: orphans.length };
}

/** `<credentialId>.v<version>` of every verify-key job that will still run (one key scan). */
async function pairsWithJobs(queue: Queue): Promise<Set<string>> {
  const client = (await queue.client) as unknown as Redis;
  const keyPrefix = queue.toKey("");
  const ids = new Set<string>();
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${keyPrefix}verify-key.*`, "COUNT", 1000);
    cursor = next;
    // Job hashes only: skip the ":logs" / ":lock" companions.
    for (const key of keys) if (!key.slice(keyPrefix.length).includes(":")) ids.add(key.slice(keyPrefix.length));
  } while (cursor !== "0");
  const kept = new Set<string>();
  await Promise.all(
    [...ids].map(async (id) => {
      const state = await queue.getJobState(id);
      // verify-key.<credentialId>.v<version>.<suffix>
      if (KEEPING_STATES.has(state)) kept.add(id.split(".").slice(1, 3).join("."));
    }),
  );
  return kept;
}
