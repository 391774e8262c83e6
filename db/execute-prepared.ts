import "server-only";
import type { Query, SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { db, type Tx } from "./client";

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * `db.execute(query)` (or `tx.execute`, inside a transaction) as a prepared statement. drizzle
 * runs raw SQL unnamed, and postgres.js describes an unnamed statement with parameters before
 * running it: two round trips on every run. Prepared, it is described once per connection and
 * then runs in one (decision 0018; the pool keeps `plan_cache_mode = force_custom_plan`, so each
 * run is still planned with its values). Rows come back as `db.execute` returns them (the
 * driver's values, by column name). The statement's text must not vary per call (values go in
 * parameters), or each connection would keep one prepared statement per text.
 */
export async function executePrepared<Row extends Record<string, unknown>>(query: SQL, runner: Tx | typeof db = db) {
  return executeCompiled<Row>(compileStatement(query), {}, runner);
}

/**
 * A statement built once, for hot paths: its values are `sql.placeholder(name)`s, filled per run
 * by `executeCompiled`. Building a large statement from its template costs more CPU than running
 * it on a step completion (decision 0043).
 */
export const compileStatement = (query: SQL): Query => dialect.sqlToQuery(query);

export async function executeCompiled<Row extends Record<string, unknown>>(
  statement: Query,
  values: Record<string, unknown>,
  runner: Tx | typeof db = db,
) {
  // A name makes drizzle's postgres-js session run it with `prepare: true` (postgres.js keys the
  // statement by its text, not by this name).
  const prepared = runner._.session.prepareQuery(statement, undefined, "prepared", false);
  return (await prepared.execute(values)) as unknown as Row[];
}
