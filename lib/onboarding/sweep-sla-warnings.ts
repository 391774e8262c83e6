import "server-only";
import { and, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantEvents, merchants } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { recordMerchantEvent } from "@/lib/onboarding";
import { clockIntervals } from "@/lib/sla/intervals";
import { loadClockEvents } from "@/lib/sla/load-clock-events";
import { openStepSla } from "@/lib/sla/open-step-sla";
import { loadAgencyCalendar, loadSlaPolicies } from "@/lib/sla/sla-context";

const actor = systemActor("sla-sweep");

/** No `sla_warning` event yet for the merchant's current step. */
const notWarned = sql`not exists (select 1 from ${merchantEvents} e where e.merchant_id = ${merchants.id}
  and e.type = 'sla_warning' and e.stage = ${merchants.currentStage})`;

/**
 * The `sla-sweep` tick: records one `sla_warning` event per merchant and step whose open Actenzo
 * step passed 75 % of its target (stored `sla_warn_at` ≤ now). Idempotent: each merchant is handled
 * under its row lock (`skip locked`, so overlapping ticks split the work) and the event is written
 * only if none exists for that step, so a retried or doubled tick writes nothing twice. The
 * instants are recomputed from the events before writing, so a stale stored value warns no one.
 */
export async function sweepSlaWarnings(options: { now?: Date; limit?: number } = {}): Promise<{ warned: number }> {
  const now = options.now ?? new Date();
  const candidates = await db
    .select({ id: merchants.id })
    .from(merchants)
    .where(
      and(lte(merchants.slaWarnAt, now), isNull(merchants.cancelledAt), isNotNull(merchants.currentStage), notWarned),
    )
    .limit(options.limit ?? 500);
  if (candidates.length === 0) return { warned: 0 };
  const [agency, policies] = await Promise.all([loadAgencyCalendar(), loadSlaPolicies()]);
  let warned = 0;
  for (const { id } of candidates) {
    const wrote = await db.transaction(async (tx) => {
      const [m] = await tx
        .select({ stage: merchants.currentStage })
        .from(merchants)
        .where(and(eq(merchants.id, id), notWarned))
        .for("update", { skipLocked: true });
      if (!m?.stage) return false;
      const events = await loadClockEvents(tx, [id]);
      const sla = openStepSla(clockIntervals(events.get(id) ?? [], now), m.stage, policies, agency);
      if (!sla?.warnAt || sla.warnAt.getTime() > now.getTime()) return false;
      await recordMerchantEvent(tx, {
        merchantId: id,
        actor,
        type: "sla_warning",
        stage: sla.stage,
        evidence: {
          warnAt: sla.warnAt.toISOString(),
          dueAt: sla.dueAt?.toISOString() ?? null,
          targetSeconds: sla.targetSeconds,
          policyVersion: sla.policyVersion,
        },
      });
      return true;
    });
    if (wrote) warned++;
  }
  return { warned };
}
