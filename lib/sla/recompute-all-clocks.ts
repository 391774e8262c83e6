import { eq, sql as dsql } from "drizzle-orm";
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
 * Each batch is one transaction over an id range: one query reads and locks its merchants with
 * their facts (as every event write locks its merchant, so an event written meanwhile is either
 * included or refreshes its merchant afterwards: never overwritten with older figures), one
 * statement writes. Two batches run at once (`lanes`), so one batch's computation in Node overlaps
 * the other's reads and writes in PostgreSQL (decision 0044). Progress (with the cursor: the end of
 * the batches done so far, in order) is reported as batches finish; given a cursor it carries on
 * from it, so a restarted job does not start over, and redoing a batch writes the same figures.
 */
export async function recomputeAllClocks(
  actor: Actor,
  options: {
    jobId?: string;
    requestedBy?: string | null;
    batchSize?: number;
    lanes?: number;
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
  const recompute = (after: string, through: string | null) =>
    db.transaction(async (tx) => {
      const now = new Date();
      const facts = await loadClockFacts(tx, { after, through }, now);
      const states = facts.merchants.map((m) => {
        const merchantCalendars = { agency: facts.agency, merchant: calendarOf(m.calendar) };
        return { merchantId: m.id, ...merchantClockState({ ...facts, ...m, calendars: merchantCalendars, now }) };
      });
      if (states.length) await writeClockState(tx, states, now);
      return { count: states.length, last: states.at(-1)?.merchantId ?? through };
    });

  // The batches' ends, from the cursor on; the last batch is open-ended (merchants signed up meanwhile).
  const ends = await batchEnds(cursor.after, batchSize);
  const ranges = [...ends, null].map((through, i) => ({ after: i ? ends[i - 1]! : cursor.after, through }));
  let { after, merchants: done } = cursor;
  const finished: ({ count: number; last: string | null } | undefined)[] = [];
  let reported = 0;
  let next = 0;
  let progress = Promise.resolve();
  let failed = false;
  try {
    const lane = async () => {
      // A failed batch stops the other lane too: the job fails, and its retry resumes from the cursor.
      while (!failed && next < ranges.length) {
        const index = next++;
        const { after: from, through } = ranges[index]!;
        finished[index] = await recompute(from, through).catch((error: unknown) => {
          failed = true;
          throw error;
        });
        // The cursor moves only over batches finished in order, so a restart redoes no gap.
        while (finished[reported]) {
          const batch = finished[reported++]!;
          if (batch.last) after = batch.last;
          done += batch.count;
        }
        const snapshot = { recordId: cursor.recordId, after, merchants: done, total };
        progress = progress.then(() => options.onProgress?.(snapshot));
        await progress;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 2) }, lane));
  } finally {
    await db
      .update(slaClockRecomputes)
      .set({ finishedAt: new Date(), merchants: done, ok: done >= total })
      .where(eq(slaClockRecomputes.id, cursor.recordId));
  }
  return { recordId: cursor.recordId, after, merchants: done, total };
}

/** Every `size`-th merchant id after `after`, in order: where each batch but the last ends. */
async function batchEnds(after: string, size: number): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(dsql`select id from (
      select id, row_number() over (order by id) as n from merchants where id > ${after}::uuid) m
    where n % ${size} = 0 order by id`);
  return [...rows].map((r) => r.id);
}

async function startRecord(requestedBy: string | null, jobId: string | null): Promise<string> {
  const [record] = await db
    .insert(slaClockRecomputes)
    .values({ requestedBy, jobId })
    .returning({ id: slaClockRecomputes.id });
  return record!.id;
}
