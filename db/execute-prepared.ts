import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { db } from "./client";

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * `db.execute(query)` as a prepared statement. drizzle runs raw SQL unnamed, and postgres.js
 * describes an unnamed statement with parameters before running it: two round trips on every
 * run. Prepared, it is described once per connection and then runs in one (decision 0018; the
 * pool keeps `plan_cache_mode = force_custom_plan`, so each run is still planned with its
 * values). Rows come back as `db.execute` returns them (the driver's values, by column name).
 */
export async function executePrepared<Row extends Record<string, unknown>>(query: SQL): Promise<Row[]> {
  const { sql, params } = dialect.sqlToQuery(query);
  const rows = await db.$client.unsafe(sql, params as postgres.ParameterOrJSON<never>[], { prepare: true });
  return rows as unknown as Row[];
}
