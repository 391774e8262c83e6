import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchants } from "@/db/schema";
import { clockIntervals } from "./intervals";
import { loadClockEvents } from "./load-clock-events";
import { openStepSla, type OpenStepSla } from "./open-step-sla";
import { loadAgencyCalendar, loadSlaPolicies } from "./sla-context";

/**
 * Rewrites a merchant's stored `sla_due_at` / `sla_warn_at` from its events, in the caller's
 * transaction: the stage machine calls it after every event that moves a clock, so /queue can sort
 * and filter by time to breach in SQL. Also the unit of a full recompute (after a calendar change).
 */
export async function refreshMerchantSla(
  tx: Tx,
  merchantId: string,
  now: Date = new Date(),
): Promise<OpenStepSla | null> {
  const [merchant] = await tx
    .select({ currentStage: merchants.currentStage })
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  if (!merchant) return null;
  const [events, agency, policies] = await Promise.all([
    loadClockEvents(tx, [merchantId]),
    loadAgencyCalendar(tx),
    loadSlaPolicies(tx),
  ]);
  const history = events.get(merchantId) ?? [];
  // An event written at `now` must open its interval, so the clock is read a moment later.
  const lastAt = history.at(-1)?.at.getTime() ?? 0;
  const intervals = clockIntervals(history, new Date(Math.max(now.getTime(), lastAt) + 1));
  const sla = openStepSla(intervals, merchant.currentStage, policies, agency);
  await tx
    .update(merchants)
    .set({ slaDueAt: sla?.dueAt ?? null, slaWarnAt: sla?.warnAt ?? null })
    .where(eq(merchants.id, merchantId));
  return sla;
}
