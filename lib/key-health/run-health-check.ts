import { randomUUID } from "node:crypto";
import { eq, sql as dsql } from "drizzle-orm";
import { db } from "@/db/client";
import { keyHealth, merchants, platformIncidents, verificationRuns } from "@/db/schema";
import { loadCredentialForVerification } from "@/lib/credentials";
import { checkHealth } from "@/lib/lightspeed/check-health";
import { verify } from "@/lib/lightspeed/verify";
import type { Verdict } from "@/lib/lightspeed/vocabulary";
import { createLogger } from "@/lib/logger";
import { verificationProblem } from "@/lib/key-checks/problem";
import { CHECK_OUTCOME_FOR_VERDICT, type CheckOutcome, type VerificationKind } from "@/lib/key-checks/vocabulary";
import { applyCheckOutcome } from "./apply-check-outcome";
import { planCheckOutcome } from "./plan-check-outcome";
import { recordRoutineCheck } from "./record-routine-check";

const log = createLogger("health.check");
const INCIDENT_OPEN = dsql<boolean>`exists (select 1 from ${platformIncidents} where ${platformIncidents.closedAt} is null)`;

export type HealthCheckInput = { merchantId: string; credentialId: string; kind: VerificationKind; dueAt: string };
export type HealthCheckOutcome =
  { status: "checked"; outcome: CheckOutcome; runId: string } | { status: "skipped"; why: string };

const VERDICT_FOR_LIGHT = {
  ok: "healthy",
  invalid_credentials: "invalid_credentials",
  rate_limited: "rate_limited",
  unreachable: "unreachable",
} as const;

function slotOf(row: { nextLightCheckAt: Date | null; nextFullCheckAt: Date | null }, kind: VerificationKind) {
  return (kind === "full" ? row.nextFullCheckAt : row.nextLightCheckAt)?.getTime() ?? null;
}

/**
 * One due check of a merchant's active pair (the `health-check` job). Idempotent: the job names
 * the due slot it was queued for, and a slot that has moved on (checked already, by this job's
 * earlier attempt or a duplicate) is skipped, before and again after the call to Lightspeed.
 * A routine result is one statement (record-routine-check.ts); alerts, platform errors and
 * lost races take the locked transaction, which re-reads the row and decides again.
 */
export async function runHealthCheck(input: HealthCheckInput): Promise<HealthCheckOutcome> {
  const slot = new Date(input.dueAt).getTime();
  // The job names the pair, so the row and the pair are read at once.
  const [[read], credential] = await Promise.all([
    db
      .select({ row: keyHealth, incidentOpen: INCIDENT_OPEN, cancelledAt: merchants.cancelledAt })
      .from(keyHealth)
      .innerJoin(merchants, eq(merchants.id, keyHealth.merchantId))
      .where(eq(keyHealth.merchantId, input.merchantId)),
    loadCredentialForVerification(input.credentialId),
  ]);
  const row = read?.row;
  if (!read || !row?.credentialId) return { status: "skipped", why: "not monitored" };
  // The merchant's state is read at run time: a job queued before the cancellation never calls
  // Lightspeed with the key, and the row leaves the schedule. A hold does not pause monitoring
  // (docs/decisions/0013): the key stays in use by the shop's feed.
  if (read.cancelledAt) {
    await db
      .update(keyHealth)
      .set({ nextCheckAt: null, updatedAt: new Date() })
      .where(eq(keyHealth.merchantId, input.merchantId));
    return { status: "skipped", why: "merchant cancelled" };
  }
  // A new pair took over (its verification restarted the schedule), or the slot was done.
  if (row.credentialId !== input.credentialId || slotOf(row, input.kind) !== slot)
    return { status: "skipped", why: "already checked" };

  if (!credential || credential.status !== "active" || !credential.cluster) {
    await db
      .update(keyHealth)
      .set({ nextCheckAt: null, updatedAt: new Date() })
      .where(eq(keyHealth.merchantId, input.merchantId));
    return { status: "skipped", why: "no active pair" };
  }

  const connection = {
    key: credential.key,
    secret: credential.secret,
    cluster: credential.cluster,
    language: credential.language,
  };
  const observed =
    input.kind === "full"
      ? await verify(connection)
      : await checkHealth(connection).then((r) => ({
          ...r,
          verdict: VERDICT_FOR_LIGHT[r.state] as Verdict,
          grants: null,
          missing: [],
          cluster: credential.cluster,
        }));
  const outcome = CHECK_OUTCOME_FOR_VERDICT[observed.verdict];
  const runId = randomUUID();
  const run = {
    id: runId,
    merchantId: input.merchantId,
    credentialId: credential.id,
    kind: input.kind,
    trigger: "health" as const,
    verdict: observed.verdict,
    cluster: observed.cluster,
    grants: observed.grants,
    missing: observed.missing,
    rateLimit: observed.rateLimit,
    requests: observed.requests,
    durationMs: observed.durationMs,
    error: verificationProblem(observed).error,
    // One run per due slot: the unique run key is the database's own guard against a double check.
    runKey: `health.${input.kind}.${slot}`,
  };
  const observation = {
    kind: input.kind,
    outcome,
    missing: observed.missing,
    rateLimit: observed.rateLimit,
    cluster: observed.cluster,
    runId,
  };

  // The common case (nothing to alert, no platform error to weigh): one statement.
  if (outcome !== "unreachable") {
    const now = new Date();
    const { decision, patch } = planCheckOutcome(row, observation, read.incidentOpen, now);
    if (
      decision.action === "none" &&
      (await recordRoutineCheck({ row, kind: input.kind, slot: new Date(slot), patch, run }))
    ) {
      return { status: "checked", outcome, runId };
    }
  }

  return db.transaction(async (tx): Promise<HealthCheckOutcome> => {
    // One statement locks the merchant and its key_health row (the onboarding verbs lock the
    // merchant too) and reads whether a platform incident is open.
    const [current] = await tx
      .select({
        health: keyHealth,
        cancelledAt: merchants.cancelledAt,
        incidentOpen: INCIDENT_OPEN,
      })
      .from(keyHealth)
      .innerJoin(merchants, eq(merchants.id, keyHealth.merchantId))
      .where(eq(keyHealth.merchantId, input.merchantId))
      .for("update", { of: [merchants, keyHealth] });
    if (!current || slotOf(current.health, input.kind) !== slot || current.health.credentialId !== credential.id) {
      return { status: "skipped", why: "already checked" };
    }
    if (current.cancelledAt) {
      await tx
        .update(keyHealth)
        .set({ nextCheckAt: null, updatedAt: new Date() })
        .where(eq(keyHealth.merchantId, input.merchantId));
      return { status: "skipped", why: "merchant cancelled" };
    }
    const storeRun = tx.insert(verificationRuns).values(run);
    const apply = () =>
      applyCheckOutcome(tx, {
        merchantId: input.merchantId,
        credentialId: credential.id,
        observation,
        locked: { row: current.health, platformIncidentOpen: current.incidentOpen },
      });
    if (outcome === "unreachable") {
      // The incident rule counts this run, so it must be stored first.
      await storeRun;
      await apply();
    } else {
      // Independent statements: sent together on the transaction's connection.
      await Promise.all([storeRun, apply()]);
    }
    log.debug("health checked", {
      merchantId: input.merchantId,
      kind: input.kind,
      outcome,
      requests: observed.requests,
    });
    return { status: "checked", outcome, runId };
  });
}
