import { and, count, desc, eq, gte, isNotNull, isNull, sql as dsql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { platformIncidents, verificationRuns, type PlatformIncident } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { createLogger } from "@/lib/logger";
import { INCIDENT_RULE, evaluatePlatformIncident, incidentSummary } from "./platform-incident-policy";

const log = createLogger("health.platform-incident");

/**
 * Applies the platform-incident rule to the health checks of the last 15 minutes: opens one
 * incident (the unique index on open incidents makes a concurrent second open a no-op), keeps it,
 * or closes it. Called by the `platform-incident` tick every minute and inline by a check that
 * saw a platform error, so the incident exists before the merchants' second failures.
 */
export async function refreshPlatformIncident(
  runner: Tx | typeof db = db,
  now = new Date(),
): Promise<{ open: boolean; change: "open" | "close" | "keep" }> {
  // Runs from before the last incident closed do not count again: they would reopen at once an
  // incident the canary (platform-incident-canary.ts) closed because Lightspeed answers again.
  const [lastClosed] = await runner
    .select({ closedAt: platformIncidents.closedAt })
    .from(platformIncidents)
    .where(isNotNull(platformIncidents.closedAt))
    .orderBy(desc(platformIncidents.closedAt))
    .limit(1);
  const windowStart = now.getTime() - INCIDENT_RULE.windowMs;
  const since = new Date(
    Math.max(
      windowStart,
      lastClosed?.closedAt && lastClosed.closedAt <= now ? lastClosed.closedAt.getTime() : windowStart,
    ),
  );
  const [window] = await runner
    .select({
      checks: count(),
      failures: dsql<number>`count(*) filter (where ${verificationRuns.verdict} = 'unreachable')`.mapWith(Number),
    })
    .from(verificationRuns)
    .where(and(eq(verificationRuns.trigger, "health"), gte(verificationRuns.createdAt, since)));
  const observed = { checks: window?.checks ?? 0, failures: window?.failures ?? 0 };
  const [open] = await runner.select().from(platformIncidents).where(isNull(platformIncidents.closedAt)).limit(1);
  const change = evaluatePlatformIncident(observed, !!open);

  if (change === "open") {
    const opened = await runner
      .insert(platformIncidents)
      .values({
        openedAt: now,
        checks: observed.checks,
        failures: observed.failures,
        peakFailures: observed.failures,
        summary: incidentSummary(observed),
        lastEvaluatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: platformIncidents.id });
    if (opened.length) log.warn("platform incident opened", observed);
    return { open: true, change };
  }
  if (open && change === "close") {
    await runner
      .update(platformIncidents)
      .set({ closedAt: now, lastEvaluatedAt: now })
      .where(eq(platformIncidents.id, open.id));
    log.info("platform incident closed", { incidentId: open.id, ...observed });
    return { open: false, change };
  }
  if (open) {
    await runner
      .update(platformIncidents)
      .set({
        lastEvaluatedAt: now,
        peakFailures: dsql`greatest(${platformIncidents.peakFailures}, ${observed.failures})`,
      })
      .where(eq(platformIncidents.id, open.id));
  }
  return { open: !!open, change };
}

export async function isPlatformIncidentOpen(runner: Tx | typeof db = db): Promise<boolean> {
  const [open] = await runner
    .select({ id: platformIncidents.id })
    .from(platformIncidents)
    .where(isNull(platformIncidents.closedAt))
    .limit(1);
  return !!open;
}

/** For the console banner and /health: the open incident, if any. */
export async function getOpenPlatformIncident(actor: Actor): Promise<PlatformIncident | null> {
  authorize(actor, "health:read");
  const [open] = await db
    .select()
    .from(platformIncidents)
    .where(isNull(platformIncidents.closedAt))
    .orderBy(desc(platformIncidents.openedAt))
    .limit(1)
    // Named: read on every console page; see lib/auth/load-actor.ts.
    .prepare("open_platform_incident")
    .execute();
  return open ?? null;
}
