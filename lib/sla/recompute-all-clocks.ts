import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants, slaClockRecomputes } from "@/db/schema";
import { type Actor, authorize, actorId } from "@/lib/auth/actor";
import { loadClockEvents, loadIncidents, writeClockRows } from "./clock-rows-store";
import { calendarInput, loadAgencyCalendar, loadSlaPolicies, merchantCalendar } from "./sla-context";
import { clockIntervals } from "./intervals";
import { stepClockRows } from "./step-clock-rows";
import { waitingAnchor } from "./waiting-clock";

export type RecomputeProgress = { merchants: number; total: number };

/**
 * Every merchant's SLA clocks from their events, in batches: after a policy or calendar change,
 * or to rebuild the table. Each batch locks its merchants' rows (as every event write does), so
 * an event written meanwhile is either included or refreshes its merchant afterwards: the job
 * never overwrites newer rows with older ones. Progress is reported after each batch.
 */
export async function recomputeAllClocks(
  actor: Actor,
  options: {
    jobId?: string;
    requestedBy?: string | null;
    batchSize?: number;
    onProgress?: (p: RecomputeProgress) => Promise<void>;
  } = {},
): Promise<RecomputeProgress> {
  authorize(actor, "sla:recompute");
  const batchSize = options.batchSize ?? 1000;
  const [record] = await db
    .insert(slaClockRecomputes)
    .values({ requestedBy: options.requestedBy ?? actorId(actor), jobId: options.jobId ?? null })
    .returning({ id: slaClockRecomputes.id });
  const [policies, agency, incidents] = await Promise.all([
    loadSlaPolicies(),
    loadAgencyCalendar(),
    db.transaction((tx) => loadIncidents(tx, new Date(0))),
  ]);
  const total = await db.$count(merchants);
  let done = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  try {
    for (;;) {
      const ids = await db
        .select({ id: merchants.id })
        .from(merchants)
        .where(gt(merchants.id, after))
        .orderBy(asc(merchants.id))
        .limit(batchSize);
      if (ids.length === 0) break;
      after = ids.at(-1)!.id;
      await db.transaction(async (tx) => {
        const batch = ids.map((r) => r.id);
        const locked = await tx.select().from(merchants).where(inArray(merchants.id, batch)).for("update");
        const events = await loadClockEvents(tx, batch);
        const now = new Date();
        const anchors: { merchantId: string; at: Date | null }[] = [];
        const rows = locked.flatMap((merchant) => {
          const calendars = { agency, merchant: merchantCalendar(calendarInput(merchant)) };
          const history = events.get(merchant.id) ?? [];
          anchors.push({ merchantId: merchant.id, at: waitingAnchor(clockIntervals(history, now), calendars) });
          return stepClockRows({ events: history, calendars, policies, incidents, now }).map((row) => ({
            ...row,
            merchantId: merchant.id,
          }));
        });
        await writeClockRows(tx, batch, rows, now, anchors);
      });
      done += ids.length;
      await options.onProgress?.({ merchants: done, total });
    }
  } finally {
    await db
      .update(slaClockRecomputes)
      .set({ finishedAt: new Date(), merchants: done, ok: done >= total })
      .where(and(eq(slaClockRecomputes.id, record!.id)));
  }
  return { merchants: done, total };
}
