import type { KeyHealth } from "@/db/schema";
import type { Cluster } from "@/lib/lightspeed/clusters";
import type { GrantName, RateLimitState } from "@/lib/lightspeed/vocabulary";
import type { CheckOutcome, VerificationKind } from "@/lib/key-checks/vocabulary";
import { decideHealth, type HealthDecision } from "./failure-policy";
import { nextSchedule } from "./schedule-policy";

export type CheckObservation = {
  kind: VerificationKind;
  outcome: CheckOutcome;
  missing: GrantName[];
  rateLimit: RateLimitState | null;
  cluster: Cluster | null;
  runId: string;
};

/**
 * The new key_health values after one check: the failure policy's decision and the schedule
 * policy's due dates, folded into the row. Pure (given `now` and the random source inside the
 * schedule policy); both the transactional and the single-statement write use it.
 */
export function planCheckOutcome(row: KeyHealth, seen: CheckObservation, platformIncidentOpen: boolean, now: Date) {
  const decision: HealthDecision = decideHealth({
    previous: row,
    checked: seen.kind,
    outcome: seen.outcome,
    missing: seen.missing,
    platformIncidentOpen,
  });
  const schedule = nextSchedule({
    now,
    checked: seen.kind,
    outcome: seen.outcome,
    consecutiveFailures: decision.consecutiveFailures,
    backoffLevel: row.backoffLevel,
    rateLimit: seen.rateLimit,
    nextLightCheckAt: row.nextLightCheckAt,
    nextFullCheckAt: row.nextFullCheckAt,
  });
  const opened = decision.action === "alert" || decision.action === "rekey";
  const patch = {
    state: decision.state,
    cluster: seen.cluster ?? row.cluster,
    lastCheckAt: now,
    lastCheckKind: seen.kind,
    lastHealthyAt: seen.outcome === "ok" ? now : row.lastHealthyAt,
    ...schedule,
    consecutiveFailures: decision.consecutiveFailures,
    lastFailureKind: decision.lastFailureKind,
    lastRateLimit: seen.rateLimit ?? row.lastRateLimit,
    // Only a full check reads grants; a light one leaves the last known gap in place.
    missing: seen.kind === "full" ? seen.missing : row.missing,
    alertOpen: decision.alertOpen,
    alertOpenedAt: !decision.alertOpen ? null : opened ? now : row.alertOpenedAt,
    alertReason: !decision.alertOpen ? null : opened ? decision.reason : row.alertReason,
    updatedAt: now,
  } satisfies Partial<KeyHealth>;
  return { decision, patch };
}
