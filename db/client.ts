import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { connectionTarget } from "./connection-target";
import { databaseUrl } from "./env";
import * as schema from "./schema";

/** Cache the connection across dev hot reloads, so each reload does not open a new pool. */
const globalForDb = globalThis as unknown as { sql?: postgres.Sql; dbUrl?: string };

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
  // Named (prepared) statements skip postgres.js's describe round trip on every later run, but
  // PostgreSQL may switch one to a generic plan that ignores the values (a specialist's 40
  // merchants and "every merchant" would share one plan); custom plans keep planning per run.
  connection: { plan_cache_mode: "force_custom_plan" },
} as const;

function connection() {
  const url = databaseUrl();
  if (!globalForDb.sql || globalForDb.dbUrl !== url) {
    const target = connectionTarget(url);
    globalForDb.sql = postgres(target.url, {
      max: 10,
      ...CONNECTION_OPTIONS,
      ...(target.path ? { path: target.path } : {}),
      onnotice: () => {},
    });
    globalForDb.dbUrl = url;
  }
  return globalForDb.sql;
}

export const sql = new Proxy((() => {}) as unknown as postgres.Sql, {
  get: (_t, p) => Reflect.get(connection(), p),
  apply: (_t, thisArg, args) => Reflect.apply(connection() as unknown as (...a: unknown[]) => unknown, thisArg, args),
}) as postgres.Sql;

let cachedDb: ReturnType<typeof makeDb> | undefined;
let cachedFor: postgres.Sql | undefined;
function makeDb(client: postgres.Sql) {
  return drizzle(client, { schema, casing: "snake_case" });
}

/** The drizzle client, created on first use so that importing it costs nothing. */
export const db = new Proxy({} as ReturnType<typeof makeDb>, {
  get(_t, p) {
    const client = connection();
    if (!cachedDb || cachedFor !== client) {
      cachedDb = makeDb(client);
      cachedFor = client;
    }
    return Reflect.get(cachedDb, p);
  },
});

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Close the pool (CLIs, workers on shutdown, tests). */
export async function closeDb() {
  if (globalForDb.sql) {
    const s = globalForDb.sql;
    globalForDb.sql = undefined;
    cachedDb = undefined;
    await s.end({ timeout: 5 });
  }
}
