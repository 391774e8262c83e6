import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { keyHealth, type KeyHealth } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { createLogger } from "@/lib/logger";
import { openRekeyFlow, recordMerchantEvent } from "@/lib/onboarding";
import type { HealthDecision } from "./failure-policy";
import { isPlatformIncidentOpen, refreshPlatformIncident } from "./platform-incident";
import { planCheckOutcome, type CheckObservation } from "./plan-check-outcome";
import { startMonitoring } from "./start-monitoring";

const SYSTEM = systemActor("health-monitor");
const log = createLogger("health.outcome");

export type { CheckObservation };

/**
 * Folds one check of the active pair into the merchant's key health, in the caller's transaction
 * (which holds the merchant row lock): the failure policy decides state and alerts, the schedule
 * policy the next due dates. An alert is a timeline event; a broken key on a merchant opens the
 * re-key flow in the same transaction, so a crash can never leave one without the other.
 */
export async function applyCheckOutcome(
  tx: Tx,
  input: {
    merchantId: string;
    credentialId: string;
    observation: CheckObservation;
    now?: Date;
    /** The key_health row, already locked by the caller, and whether an incident was open then. */
    locked?: { row: KeyHealth; platformIncidentOpen: boolean };
  },
): Promise<HealthDecision> {
  const now = input.now ?? new Date();
  const { observation: seen, merchantId } = input;
  let [row] = input.locked
    ? [input.locked.row]
    : await tx.select().from(keyHealth).where(eq(keyHealth.merchantId, merchantId)).for("update");
  if (!row || row.credentialId !== input.credentialId) {
    // An active pair without monitoring (activated before this monitor existed): start from clean.
    await startMonitoring(tx, {
      merchantId,
      credentialId: input.credentialId,
      cluster: seen.cluster,
      rateLimit: seen.rateLimit,
      now,
    });
    [row] = await tx.select().from(keyHealth).where(eq(keyHealth.merchantId, merchantId)).for("update");
    if (!row) throw new Error("key_health row missing after startMonitoring");
  }

  // A platform error re-evaluates the incident rule (the caller stored this run first).
  const platformIncidentOpen =
    seen.outcome === "unreachable"
      ? (await refreshPlatformIncident(tx, now)).open
      : (input.locked?.platformIncidentOpen ?? (await isPlatformIncidentOpen(tx)));
  const { decision, patch } = planCheckOutcome(row, seen, platformIncidentOpen, now);
  await tx.update(keyHealth).set(patch).where(eq(keyHealth.merchantId, merchantId));

  if (decision.action !== "none") {
    await recordMerchantEvent(tx, {
      merchantId,
      actor: SYSTEM,
      type: "health_alert",
      evidence: {
        state: decision.state,
        action: decision.action,
        kind: seen.kind,
        runId: seen.runId,
        consecutiveFailures: decision.consecutiveFailures,
      },
      note: decision.action === "resolve" ? "Key healthy again." : decision.reason,
    });
    log.info("health alert", { merchantId, action: decision.action, state: decision.state });
  }
  if (decision.action === "rekey" && decision.reason) {
    log.warn("opening re-key flow", { merchantId, state: decision.state });
    await openRekeyFlow(SYSTEM, { merchantId, reason: decision.reason }, { tx });
  }
  return decision;
}
