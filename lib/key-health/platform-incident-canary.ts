import { and, asc, eq, isNotNull, isNull, sql as dsql } from "drizzle-orm";
import { db } from "@/db/client";
import { keyHealth, merchants, platformIncidents } from "@/db/schema";
import { loadCredentialForVerification } from "@/lib/credentials";
import { checkHealth } from "@/lib/lightspeed/check-health";
import { createLogger } from "@/lib/logger";
import { SCHEDULE, fiveMinuteHeadroom } from "./schedule-policy";

const log = createLogger("health.incident-canary");

/** A few keys are enough to tell whether Lightspeed answers again; one request each. */
export const CANARY = { merchants: 3, candidates: 30, recheckSpreadMinutes: 5 } as const;

export type CanaryOutcome =
  | { status: "no_incident" }
  | { status: "no_canary" }
  | { status: "still_failing"; tried: number }
  | { status: "closed"; tried: number; rechecks: number };

/**
 * The `incident-canary` tick (every few minutes, only does something while a platform incident is
 * open). Merchants' own retries back off to 30 min–2 h during an incident, so without this the
 * incident and every "Platform error" outlived Lightspeed's recovery by half an hour. A light
 * check (one request) of a few affected keys with budget to spare: if Lightspeed answers any of
 * them, the incident closes and every merchant left in "Platform error" is due again within
 * minutes (spread, so the re-checks do not all land in one sweep).
 */
export async function runIncidentCanary(now = new Date()): Promise<CanaryOutcome> {
  const [open] = await db
    .select({ id: platformIncidents.id })
    .from(platformIncidents)
    .where(isNull(platformIncidents.closedAt))
    .limit(1);
  if (!open) return { status: "no_incident" };

  const candidates = await db
    .select({
      merchantId: keyHealth.merchantId,
      credentialId: keyHealth.credentialId,
      lastRateLimit: keyHealth.lastRateLimit,
    })
    .from(keyHealth)
    .innerJoin(merchants, eq(merchants.id, keyHealth.merchantId))
    .where(
      and(
        eq(keyHealth.state, "platform_error"),
        isNotNull(keyHealth.credentialId),
        isNotNull(keyHealth.nextCheckAt),
        isNull(merchants.cancelledAt),
      ),
    )
    .orderBy(asc(keyHealth.lastCheckAt))
    .limit(CANARY.candidates);
  // Inside their rate budgets: a key with little of its 5-minute window left is not used.
  const canaries = candidates
    .filter((c) => (fiveMinuteHeadroom(c.lastRateLimit) ?? 1) >= SCHEDULE.lowHeadroomShare)
    .slice(0, CANARY.merchants);
  if (canaries.length === 0) return { status: "no_canary" };

  const answers = await Promise.all(
    canaries.map(async ({ credentialId }) => {
      const credential = credentialId ? await loadCredentialForVerification(credentialId) : null;
      if (!credential?.cluster || credential.status !== "active") return false;
      const result = await checkHealth({
        key: credential.key,
        secret: credential.secret,
        cluster: credential.cluster,
        language: credential.language,
      });
      // Any answer (even a refused key or a 429) means the platform is back; only "unreachable" is not.
      return result.state !== "unreachable";
    }),
  );
  if (!answers.some(Boolean)) {
    log.info("platform incident continues: canary checks still fail", { incidentId: open.id, tried: canaries.length });
    return { status: "still_failing", tried: canaries.length };
  }

  const rechecks = await db.transaction(async (tx) => {
    const closed = await tx
      .update(platformIncidents)
      .set({ closedAt: now, lastEvaluatedAt: now })
      .where(and(eq(platformIncidents.id, open.id), isNull(platformIncidents.closedAt)))
      .returning({ id: platformIncidents.id });
    if (closed.length === 0) return 0;
    const due = dsql`${now.toISOString()}::timestamptz + random() * make_interval(mins => ${CANARY.recheckSpreadMinutes})`;
    const rows = await tx
      .update(keyHealth)
      .set({ nextLightCheckAt: due, nextCheckAt: due, updatedAt: now })
      .where(
        and(eq(keyHealth.state, "platform_error"), isNotNull(keyHealth.credentialId), isNotNull(keyHealth.nextCheckAt)),
      )
      .returning({ merchantId: keyHealth.merchantId });
    return rows.length;
  });
  log.info("platform incident closed: Lightspeed answers again", {
    incidentId: open.id,
    tried: canaries.length,
    rechecks,
  });
  return { status: "closed", tried: canaries.length, rechecks };
}
