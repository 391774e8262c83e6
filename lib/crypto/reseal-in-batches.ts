import { db, type Tx } from "@/db/client";

/** One table's part in `npm run secrets:rotate`. */
export type ResealSpec<Row extends { id: string }, Patch> = {
  batchSize: number;
  /** The next ids after `after` (null: from the start), in id order. */
  nextIds(after: string | null, limit: number): Promise<string[]>;
  /** Those rows again, locked for update inside the batch's transaction. */
  lockRows(tx: Tx, ids: string[]): Promise<Row[]>;
  /** The row's payloads sealed under the ring's active key, or null when they already are. */
  reseal(row: Row): Patch | null;
  write(tx: Tx, id: string, patch: Patch): Promise<void>;
};

/**
 * Walks a table by id in batches, each in its own transaction with its rows locked, so a value
 * written meanwhile (a half recorded, a triage message assigned) is never overwritten with a stale
 * one. Up-to-date rows are left untouched.
 */
export async function resealInBatches<Row extends { id: string }, Patch>(
  spec: ResealSpec<Row, Patch>,
): Promise<{ rotated: number; scanned: number }> {
  let rotated = 0;
  let scanned = 0;
  for (let after: string | null = null; ;) {
    const ids: string[] = await spec.nextIds(after, spec.batchSize);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    scanned += ids.length;
    rotated += await db.transaction(async (tx) => {
      let changed = 0;
      for (const row of await spec.lockRows(tx, ids)) {
        const patch = spec.reseal(row);
        if (patch === null) continue;
        await spec.write(tx, row.id, patch);
        changed += 1;
      }
      return changed;
    });
  }
  return { rotated, scanned };
}
