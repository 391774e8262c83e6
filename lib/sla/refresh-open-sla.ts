import "server-only";
import { and, asc, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { clockIntervals } from "./intervals";
import { loadClockEvents } from "./load-clock-events";
import { openStepSla } from "./open-step-sla";
import { loadAgencyCalendar, loadSlaPolicies } from "./sla-context";

const pgArray = (values: (string | null)[]) => `{${values.map((v) => (v === null ? "NULL" : `"${v}"`)).join(",")}}`;

/**
 * Recomputes the stored `sla_due_at` / `sla_warn_at` of every open merchant, in batches (one events
 * query and one UPDATE per batch). Run after the agency calendar changes (`sla-refresh` job); a
 * row whose `version` moved meanwhile was refreshed by its own write and is left alone.
 */
export async function refreshOpenSlaDueTimes(
  options: { now?: Date; batchSize?: number } = {},
): Promise<{ merchants: number }> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1000;
  const [agency, policies] = await Promise.all([loadAgencyCalendar(), loadSlaPolicies()]);
  let after = "00000000-0000-0000-0000-000000000000";
  let total = 0;
  for (;;) {
    const batch = await db
      .select({ id: merchants.id, stage: merchants.currentStage, version: merchants.version })
      .from(merchants)
      .where(and(isNull(merchants.cancelledAt), isNotNull(merchants.currentStage), gt(merchants.id, after)))
      .orderBy(asc(merchants.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    const events = await loadClockEvents(
      db,
      batch.map((m) => m.id),
    );
    const due: (string | null)[] = [];
    const warn: (string | null)[] = [];
    for (const m of batch) {
      const sla = openStepSla(clockIntervals(events.get(m.id) ?? [], now), m.stage, policies, agency);
      due.push(sla?.dueAt?.toISOString() ?? null);
      warn.push(sla?.warnAt?.toISOString() ?? null);
    }
    await db.execute(sql`
      update ${merchants} as m set sla_due_at = v.due, sla_warn_at = v.warn
      from unnest(${pgArray(batch.map((m) => m.id))}::uuid[], ${pgArray(batch.map((m) => String(m.version)))}::int[],
                  ${pgArray(due)}::timestamptz[], ${pgArray(warn)}::timestamptz[]) as v(id, version, due, warn)
      where m.id = v.id and m.version = v.version`);
    total += batch.length;
    after = batch.at(-1)!.id;
  }
  return { merchants: total };
}
