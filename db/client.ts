import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { connectPostgres } from "./connection-target";
import { databaseUrl } from "./env";
import * as schema from "./schema";

/**
 * Fail fast, recover at once: a request gives up on an unreachable server after 2 s instead of
 * postgres.js's 30 s, and reconnects within a quarter second of the server coming back (its
 * default backoff grows to 20 s after a few failures, so recovery lagged the outage). Slow
 * statements and lock waits are bounded by the app role's own settings (statement_timeout …).
 */
export const CONNECTION_OPTIONS = {
  connect_timeout: 2,
  backoff: (retries: number) => Math.min(0.05 * retries, 0.25),
  idle_timeout: 60,
} as const;

/**
 * Two pools on the same database. `default` plans every run of a statement with its values:
 * named (prepared) statements skip postgres.js's describe round trip on every later run, but
 * PostgreSQL may switch one to a generic plan that ignores the values (a specialist's 40
 * merchants and "every merchant", a rare search term and a common one would share one plan).
 * `lookup` is for statements that read a few rows by key (a merchant's id, the signed-in
 * staff member's id): their best plan never depends on the values, and on every page view planning
 * them cost PostgreSQL more than running them (merchants has ~25 indexes, most of them partial,
 * and the planner weighs each one), so there PostgreSQL may keep one generic plan per connection
 * (`plan_cache_mode = auto`, its default). Decision 0046.
 */
type PoolKind = "default" | "lookup";
/** Kept across dev hot reloads, so each reload does not open new pools. */
const globalForDb = globalThis as unknown as { pools?: Partial<Record<PoolKind, { sql: postgres.Sql; url: string }>> };
const POOLS: Record<PoolKind, { max: number; planCacheMode: string }> = {
  default: { max: 10, planCacheMode: "force_custom_plan" },
  lookup: { max: 5, planCacheMode: "auto" },
};

function connection(kind: PoolKind = "default") {
  const url = databaseUrl();
  const pools = (globalForDb.pools ??= {});
  const pool = pools[kind];
  if (pool && pool.url === url) return pool.sql;
  const sql = connectPostgres(url, {
    ...CONNECTION_OPTIONS,
    max: POOLS[kind].max,
    connection: { plan_cache_mode: POOLS[kind].planCacheMode },
    onnotice: () => {},
  });
  pools[kind] = { sql, url };
  return sql;
}

export const sql = new Proxy((() => {}) as unknown as postgres.Sql, {
  get: (_t, p) => Reflect.get(connection(), p),
  apply: (_t, thisArg, args) => Reflect.apply(connection() as unknown as (...a: unknown[]) => unknown, thisArg, args),
}) as postgres.Sql;

function makeDb(client: postgres.Sql) {
  return drizzle(client, { schema, casing: "snake_case" });
}

/** A drizzle client over one pool, created on first use so that importing it costs nothing. */
function lazyDb(kind: PoolKind) {
  let cached: ReturnType<typeof makeDb> | undefined;
  let cachedFor: postgres.Sql | undefined;
  return new Proxy({} as ReturnType<typeof makeDb>, {
    get(_t, p) {
      const client = connection(kind);
      if (!cached || cachedFor !== client) {
        cached = makeDb(client);
        cachedFor = client;
      }
      return Reflect.get(cached, p);
    },
  });
}

/** The drizzle client. */
export const db = lazyDb("default");
/** The drizzle client for reads of a few rows by key, whose plans PostgreSQL may reuse (see POOLS). */
export const lookupDb = lazyDb("lookup");

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Close the pools (CLIs, workers on shutdown, tests). */
export async function closeDb() {
  const pools = Object.values(globalForDb.pools ?? {});
  globalForDb.pools = undefined;
  await Promise.all(pools.map((pool) => pool.sql.end({ timeout: 5 })));
}
