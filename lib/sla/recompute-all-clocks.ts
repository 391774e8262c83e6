import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants, slaClockRecomputes } from "@/db/schema";
import { type Actor, authorize, actorId } from "@/lib/auth/actor";
import type { BusinessCalendar } from "./calendar";
import { loadClockFacts } from "./clock-facts";
import { writeClockState } from "./clock-rows-store";
import { merchantClockState } from "./merchant-clock-state";
import { calendarInput, merchantCalendar } from "./sla-context";

/** Where a recompute stands: its record, how many merchants are done, and the last id done (the cursor). */
export type RecomputeCursor = { recordId: string; after: string; merchants: number };
export type RecomputeProgress = RecomputeCursor & { total: number };

const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/**
 * Every merchant's SLA clocks from their events (the stored due/warn instants and the report
 * rows), in batches by merchant id: after a policy or calendar change, or to rebuild the table.
 * Each batch is one transaction: one query reads and locks its merchants with their facts (as
 * every event write locks its merchant, so an event written meanwhile is either included or
 * refreshes its merchant afterwards: never overwritten with older figures), one statement writes.
 * Progress (with the cursor) is reported after each batch; given a cursor it carries on from it,
 * so a restarted job does not start over, and redoing a batch writes the same figures.
 */
export async function recomputeAllClocks(
  actor: Actor,
  options: {
    jobId?: string;
    requestedBy?: string | null;
    batchSize?: number;
    resume?: RecomputeCursor | null;
    onProgress?: (p: RecomputeProgress) => Promise<void>;
  } = {},
): Promise<RecomputeProgress> {
  authorize(actor, "sla:recompute");
  const batchSize = options.batchSize ?? 2000;
  const cursor = options.resume ?? {
    recordId: await startRecord(options.requestedBy ?? actorId(actor), options.jobId ?? null),
    after: FIRST_ID,
    merchants: 0,
  };
  const total = await db.$count(merchants);
  // Merchant calendars repeat (a country and zone each); built once per run. Not truth: derived
  // from the rows' own input, so a calendar read from another batch is the same calendar.
  const calendars = new Map<string, BusinessCalendar>();
  const calendarOf = (input: Parameters<typeof calendarInput>[0]) => {
    const key = JSON.stringify(calendarInput(input));
    let calendar = calendars.get(key);
    if (!calendar) calendars.set(key, (calendar = merchantCalendar(calendarInput(input))));
    return calendar;
  };
  let { after, merchants: done } = cursor;
  try {
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const now = new Date();
        const facts = await loadClockFacts(tx, { after, limit: batchSize }, now);
        const states = facts.merchants.map((m) => {
          const merchantCalendars = { agency: facts.agency, merchant: calendarOf(m.calendar) };
          return { merchantId: m.id, ...merchantClockState({ ...facts, ...m, calendars: merchantCalendars, now }) };
        });
        if (states.length) await writeClockState(tx, states, now);
        return { count: states.length, last: states.at(-1)?.merchantId };
      });
      if (!batch.last) break;
      after = batch.last;
      done += batch.count;
      await options.onProgress?.({ recordId: cursor.recordId, after, merchants: done, total });
    }
  } finally {
    await db
      .update(slaClockRecomputes)
      .set({ finishedAt: new Date(), merchants: done, ok: done >= total })
      .where(eq(slaClockRecomputes.id, cursor.recordId));
  }
  return { recordId: cursor.recordId, after, merchants: done, total };
}

async function startRecord(requestedBy: string | null, jobId: string | null): Promise<string> {
  const [record] = await db
    .insert(slaClockRecomputes)
    .values({ requestedBy, jobId })
    .returning({ id: slaClockRecomputes.id });
  return record!.id;
}
