import { and, eq, getTableColumns, isNull, sql as dsql } from "drizzle-orm";
import { db } from "@/db/client";
import { keyHealth, verificationRuns, type KeyHealth } from "@/db/schema";
import type { VerificationKind } from "@/lib/key-checks/vocabulary";
import type { planCheckOutcome } from "./plan-check-outcome";

type NewRun = typeof verificationRuns.$inferInsert & { id: string };

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const RUN_COLUMNS = Object.entries(getTableColumns(verificationRuns));
const RUN_COLUMN_NAMES = dsql.join(
  RUN_COLUMNS.map(([key]) => dsql.identifier(snake(key))),
  dsql`, `,
);

/**
 * The common case of a health check (nothing to alert, nobody to notify), written as ONE
 * statement: `with updated as (update key_health … where <nothing changed since we read it>
 * returning …) insert into verification_runs … select … from updated`. Atomic like a
 * transaction (the run exists only if the row was updated), in one round trip instead of five;
 * at 10,000 keys per sweep the round trips are the cost. Returns false when the row changed
 * since it was read (another check, a new pair): the caller then takes the locked path.
 */
export async function recordRoutineCheck(input: {
  row: KeyHealth;
  kind: VerificationKind;
  slot: Date;
  patch: ReturnType<typeof planCheckOutcome>["patch"];
  run: NewRun;
}): Promise<boolean> {
  const { row } = input;
  const slotColumn = input.kind === "full" ? keyHealth.nextFullCheckAt : keyHealth.nextLightCheckAt;
  const update = db
    .update(keyHealth)
    .set(input.patch)
    .where(
      and(
        eq(keyHealth.merchantId, row.merchantId),
        // Dates travel through JS with millisecond precision; the columns may hold microseconds.
        dsql`date_trunc('milliseconds', ${slotColumn}) = ${input.slot.toISOString()}::timestamptz`,
        row.credentialId ? eq(keyHealth.credentialId, row.credentialId) : isNull(keyHealth.credentialId),
        // Every write of key_health sets last_check_at: a changed value means someone else wrote
        // the row since we read it.
        row.lastCheckAt
          ? dsql`date_trunc('milliseconds', ${keyHealth.lastCheckAt}) = ${row.lastCheckAt.toISOString()}::timestamptz`
          : isNull(keyHealth.lastCheckAt),
      ),
    )
    .returning({ merchantId: keyHealth.merchantId });

  const values: Record<string, unknown> = { createdAt: new Date(), ...input.run };
  const selected = dsql.join(
    RUN_COLUMNS.map(([key, column]) => {
      const value = values[key];
      const type = dsql.raw(column.getSQLType());
      return value === undefined || value === null ? dsql`null::${type}` : dsql`${dsql.param(value, column)}::${type}`;
    }),
    dsql`, `,
  );
  const inserted = await db.execute(
    dsql`with updated as (${update.getSQL()}) insert into ${verificationRuns} (${RUN_COLUMN_NAMES}) select ${selected} from updated returning id`,
  );
  return inserted.length > 0;
}
