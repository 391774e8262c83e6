import type { Tx } from "@/db/client";
import { keyHealth } from "@/db/schema";
import type { Cluster } from "@/lib/lightspeed/clusters";
import type { RateLimitState } from "@/lib/lightspeed/vocabulary";
import { initialSchedule } from "./schedule-policy";

/**
 * A pair just verified healthy and became the active one: the monitor starts (or restarts)
 * watching it from a clean slate, with jittered first due dates. In the caller's transaction.
 */
export async function startMonitoring(
  tx: Tx,
  input: {
    merchantId: string;
    credentialId: string;
    cluster: Cluster | null;
    rateLimit: RateLimitState | null;
    now?: Date;
  },
): Promise<void> {
  const now = input.now ?? new Date();
  const schedule = initialSchedule(now);
  const values = {
    credentialId: input.credentialId,
    state: "healthy" as const,
    cluster: input.cluster,
    lastCheckAt: now,
    lastCheckKind: "full" as const,
    lastHealthyAt: now,
    nextLightCheckAt: schedule.nextLightCheckAt,
    nextFullCheckAt: schedule.nextFullCheckAt,
    nextCheckAt: schedule.nextCheckAt,
    consecutiveFailures: 0,
    lastFailureKind: null,
    backoffLevel: 0,
    lastRateLimit: input.rateLimit,
    missing: [],
    alertOpen: false,
    alertOpenedAt: null,
    alertReason: null,
    updatedAt: now,
  };
  await tx
    .insert(keyHealth)
    .values({ merchantId: input.merchantId, ...values })
    .onConflictDoUpdate({ target: keyHealth.merchantId, set: values });
}
