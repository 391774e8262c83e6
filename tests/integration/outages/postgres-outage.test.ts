import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as signup } from "@/app/api/signups/route";
import { closeDb, sql } from "@/db/client";
import { APP_DATABASE_ROLE } from "@/db/database-urls";
import { migrateDatabase } from "@/db/migrate-database";
import { resetEnvCache } from "@/lib/env";
import { buildSignup } from "@/tests/factories/merchant";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { startPostgresCluster, type PostgresCluster } from "./postgres-cluster";

/**
 * PostgreSQL goes away under a running process and comes back. This file runs the app's code
 * against a cluster of its own (the shared one is never stopped), migrated as its owner and used
 * through the app's role, exactly as in production.
 */
let cluster: PostgresCluster;
const saved = { app: process.env.DATABASE_URL, owner: process.env.DATABASE_OWNER_URL };

beforeAll(async () => {
  cluster = await startPostgresCluster();
  await migrateDatabase(cluster.url("postgres", "actenzo"), { createIfMissing: true });
  await closeDb();
  Object.assign(process.env, {
    DATABASE_URL: cluster.url(APP_DATABASE_ROLE, "actenzo"),
    DATABASE_OWNER_URL: cluster.url("postgres", "actenzo"),
  });
  resetEnvCache();
}, 60_000);

afterAll(async () => {
  await closeDb();
  Object.assign(process.env, { DATABASE_URL: saved.app, DATABASE_OWNER_URL: saved.owner });
  resetEnvCache();
  await cluster?.destroy();
});

function postSignup() {
  const headers = { "content-type": "application/json", authorization: `Bearer ${TEST_ENV.SIGNUPS_API_TOKEN}` };
  return signup(
    new Request("http://localhost/api/signups", { method: "POST", headers, body: JSON.stringify(buildSignup()) }),
  );
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe("a PostgreSQL outage", () => {
  it("API calls answer 503 with Retry-After within 5 s while it lasts, and work again as soon as it ends, without a restart", async () => {
    expect((await postSignup()).status).toBe(201); // the pool holds live connections when it goes down
    await cluster.stop();

    // Rounds of calls that keep several pooled connections busy: postgres.js's default backoff
    // grows with each failed connect (to 20 s), which made requests wait and recovery lag.
    for (let round = 0; round < 4; round++) {
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => timed(postSignup)));
      for (const { value: response, ms } of outcomes) {
        expect(ms).toBeLessThan(5_000);
        expect(response.status).toBe(503);
        expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
        expect(await response.json()).toEqual({
          error: "The database is temporarily unavailable. Please try again in a minute.",
          dependency: "database",
        });
      }
    }
    const { value: probe, ms: probeMs } = await timed(health);
    expect(probe.status).toBe(503);
    expect(probeMs).toBeLessThan(5_000);
    expect(await probe.json()).toMatchObject({ status: "unavailable", postgres: { ok: false } });

    await cluster.start();
    const { value: first, ms } = await timed(postSignup);
    expect(first.status).toBe(201);
    // postgres.js's own backoff would hold this one for 10–20 s after the failures above.
    expect(ms).toBeLessThan(5_000);
    const rest = await Promise.all(Array.from({ length: 5 }, postSignup));
    expect(rest.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect((await health()).status).toBe(200);
    const [merchants] = await sql<{ n: number }[]>`select count(*)::int as n from merchants`;
    expect(merchants?.n).toBe(7); // before and after; nothing half-saved during the outage
  });
});
