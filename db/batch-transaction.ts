import "server-only";
import type postgres from "postgres";
import { sql } from "./client";

/**
 * A transaction for a batch job that writes thousands of rows per statement (the reminder tick):
 * its statements may run longer than the app role's 5 s `statement_timeout`. With `writes`, the
 * whole transaction also gets the write setting of `planWritesWithCachedPlans` (for transactions
 * that only write); both in one round trip.
 */
export function batchTransaction<T>(
  work: (tx: postgres.TransactionSql) => Promise<T>,
  { writes = false }: { writes?: boolean } = {},
): Promise<T> {
  return sql.begin(async (tx) => {
    if (writes)
      await tx`select set_config('statement_timeout', '120s', true), set_config('plan_cache_mode', 'auto', true)`;
    else await tx`select set_config('statement_timeout', '120s', true)`;
    return work(tx);
  }) as Promise<T>;
}

/**
 * Before a statement that inserts thousands of rows into tables with foreign keys: PostgreSQL's
 * default plan caching for the rest of the transaction. The pool's `force_custom_plan`
 * (db/client.ts) also governs the queries PostgreSQL runs inside a statement: every foreign-key
 * check (and PL/pgSQL trigger query) is then planned again for each row, which doubled the CPU of
 * the reminder planner's writes (decision 0037). Only for statements whose plan does not depend on
 * their values (a `jsonb_to_recordset` input): after five runs `auto` may reuse a generic plan.
 */
export async function planWritesWithCachedPlans(tx: postgres.TransactionSql): Promise<void> {
  await tx`select set_config('plan_cache_mode', 'auto', true)`;
}
