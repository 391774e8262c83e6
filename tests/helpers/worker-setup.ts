import postgres from "postgres";
import { afterEach, beforeEach, inject, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { ADMIN_DB_URL, TEST_ENV, databaseUrl, ownerDatabaseUrl } from "./test-env";

/**
 * Runs before every test file, inside its vitest worker: points the process at the worker's
 * own database (cloned from the run's migrated template) and its own Redis key prefix.
 */
const runId = inject("testRunId");
const pool = process.env.VITEST_POOL_ID ?? "1";
const dbName = `t_${runId}_w${pool}`;

const state = globalThis as unknown as { __testDbReady?: string };
if (state.__testDbReady !== dbName) {
  const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`;
  if (!exists) await admin.unsafe(`create database "${dbName}" template "${inject("templateDatabase")}"`);
  await admin.end();
  state.__testDbReady = dbName;
}

// The app's own role, as in production; tests that must rewrite history use the owner's URL.
Object.assign(process.env, TEST_ENV, {
  DATABASE_URL: databaseUrl(dbName),
  DATABASE_OWNER_URL: ownerDatabaseUrl(dbName),
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0",
  REDIS_PREFIX: `t:${runId}:w${pool}`,
});
resetEnvCache();

// An unexpected console.error is a bug the test did not look for (epic-stack habit).
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`Unexpected console.error: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore?.();
});
