import "server-only";
import type postgres from "postgres";
import { sql } from "./client";

/**
 * A transaction for a batch job that writes thousands of rows per statement (the reminder tick).
 *
 * - Its statements may run longer than the app role's 5 s `statement_timeout`.
 * - It plans with PostgreSQL's default `plan_cache_mode`. The pool's `force_custom_plan`
 *   (db/client.ts) also applies to the queries PostgreSQL runs inside a statement: every foreign-key
 *   check and PL/pgSQL trigger query is then planned again for each row. For a 5,000-row insert
 *   into the outbox and the reminder sequences that doubled the statement's CPU (decision 0037).
 *
 * Both are `set_config(…, true)`: they end with the transaction, one round trip.
 */
export function batchTransaction<T>(work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`select set_config('statement_timeout', '120s', true), set_config('plan_cache_mode', 'auto', true)`;
    return work(tx);
  }) as Promise<T>;
}
