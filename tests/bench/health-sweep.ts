/**
 * Health sweep bench: N verified merchants (encrypted pairs, key_health due now) in a scratch
 * database, one `health-sweep` tick through BullMQ, in-process workers checking every key
 * against the simulator with a fixed latency per request. Prints figures; asserts nothing.
 *   npx tsx --import ./scripts/allow-server-only.mjs tests/bench/health-sweep.ts [--merchants 10000] [--concurrency 20] [--latency 50] [--full-share 0] [--sim-thread worker|main]
 * Lower bound = checks × requests per check × latency ÷ concurrency (each check's requests are
 * sequential; the workers run `concurrency` checks at once). Target ratio < 1.5.
 *
 * The simulator runs on a worker thread by default: Lightspeed's servers do not share our CPU,
 * so on the main thread the harness's HTTP/JSON work would be measured as ours.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { makeKey } from "@/tests/lightspeed-simulator";
import { startBenchSimulator } from "./simulator-thread";

const EU_SHOP = { id: 1001, cluster: "eu1" as const, name: "Bench", mainDomain: "bench.test", languages: ["nl", "en"] };

await main();

async function main() {
  const { values } = parseArgs({
    options: {
      merchants: { type: "string" },
      concurrency: { type: "string" },
      latency: { type: "string" },
      "full-share": { type: "string" },
      "sim-thread": { type: "string" },
    },
  });
  const options = z
    .object({
      merchants: z.coerce.number().int().positive().default(10_000),
      concurrency: z.coerce.number().int().positive().max(500).default(20),
      latency: z.coerce.number().int().min(0).default(50),
      fullShare: z.coerce.number().min(0).max(1).default(0),
      simThread: z.enum(["worker", "main"]).default("worker"),
    })
    .parse({
      merchants: values.merchants,
      concurrency: values.concurrency,
      latency: values.latency,
      fullShare: values["full-share"],
      simThread: values["sim-thread"],
    });

  const { loadEnvFile } = await import("@/lib/load-env-file");
  loadEnvFile();
  const { TEST_ENV, ADMIN_DB_URL, databaseUrl, ownerDatabaseUrl } = await import("@/tests/helpers/test-env");
  const tag = randomBytes(4).toString("hex");
  const dbName = `bench_health_${tag}`;
  // Scratch database and Redis prefix: nothing touches the developer's data.
  Object.assign(process.env, {
    ...Object.fromEntries(Object.entries(TEST_ENV).filter(([k]) => !process.env[k] || k === "LOG_LEVEL")),
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl(dbName),
    REDIS_PREFIX: `bench:${tag}`,
  });

  const { migrateDatabase } = await import("@/db/migrate-database");
  const postgres = (await import("postgres")).default;
  const { sql: dsql, inArray } = await import("drizzle-orm");
  const { db, closeDb } = await import("@/db/client");
  const { keyHealth } = await import("@/db/schema");
  const { closeQueues, getQueue, JOB_NAMES } = await import("@/lib/jobs/queues");
  const { startWorkers } = await import("@/jobs/start-workers");
  const { closeRedis, redis } = await import("@/lib/redis");
  const { seedMonitoredMerchants } = await import("@/tests/factories/key-health");

  await migrateDatabase(ownerDatabaseUrl(dbName), { createIfMissing: true });
  const keys = Array.from({ length: options.merchants }, (_, n) => makeKey(`${tag}-${n}`, { shopId: EU_SHOP.id }));
  const sim = await startBenchSimulator({ shops: [EU_SHOP], keys }, options.latency, options.simThread);
  process.env.LIGHTSPEED_EU1_URL = sim.eu1Url;
  process.env.LIGHTSPEED_US1_URL = sim.us1Url;

  const seededAt = performance.now();
  const seeded = await seedMonitoredMerchants(options.merchants, { tag });
  const fullIds = seeded.slice(0, Math.round(options.merchants * options.fullShare)).map((s) => s.merchantId);
  for (let i = 0; i < fullIds.length; i += 1000) {
    await db
      .update(keyHealth)
      .set({ nextFullCheckAt: dsql`now() - interval '1 minute'` })
      .where(inArray(keyHealth.merchantId, fullIds.slice(i, i + 1000)));
  }
  console.log(
    `Seeded ${options.merchants} verified merchants in ${((performance.now() - seededAt) / 1000).toFixed(1)} s (sim on the ${options.simThread} thread, latency ${options.latency} ms, concurrency ${options.concurrency}, full checks ${fullIds.length}).`,
  );

  const workers = startWorkers(
    {
      concurrency: { verification: 1, health: options.concurrency, scheduler: 1, mail: 1 },
      lockDuration: 60_000,
      schedulers: false,
    },
    ["scheduler", "health"],
  );
  const before = await sim.logSize();
  const startedAt = new Date();
  const t0 = performance.now();
  // One tick of the repeatable, as the job scheduler would add it.
  await getQueue("scheduler").add(JOB_NAMES.healthSweep, {});
  let checked = 0;
  for (;;) {
    const [row] = await db
      .select({ n: dsql<number>`count(*)::int` })
      .from(keyHealth)
      .where(dsql`${keyHealth.lastCheckAt} >= ${startedAt.toISOString()}`);
    checked = row?.n ?? 0;
    if (checked >= options.merchants) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const wallMs = performance.now() - t0;
  const requests = (await sim.logSize()) - before;
  const perCheck = requests / checked;
  const lowerBoundMs = (checked * perCheck * options.latency) / options.concurrency;
  const [failed] = await Promise.all([getQueue("health").getJobCounts("failed")]);
  const states = await db
    .select({ state: keyHealth.state, n: dsql<number>`count(*)::int` })
    .from(keyHealth)
    .groupBy(keyHealth.state);

  console.log(
    [
      "Health sweep (sweep tick → health-check jobs → checks → key_health)",
      `  checks             ${checked} (${fullIds.length} full, ${checked - fullIds.length} light), failed jobs ${failed?.failed ?? 0}`,
      `  wall time          ${(wallMs / 1000).toFixed(2)} s`,
      `  checks per second  ${(checked / (wallMs / 1000)).toFixed(0)}`,
      `  requests per check ${perCheck.toFixed(2)} (${requests} requests)`,
      `  lower bound        ${(lowerBoundMs / 1000).toFixed(2)} s`,
      `  ratio              ${options.latency > 0 ? (wallMs / lowerBoundMs).toFixed(3) : "n/a (no latency)"}`,
      `  states             ${JSON.stringify(Object.fromEntries(states.map((s) => [s.state, s.n])))}`,
    ].join("\n"),
  );

  await workers.close();
  await closeQueues();
  const client = redis();
  let cursor = "0";
  do {
    const [next, found] = await client.scan(cursor, "MATCH", `bench:${tag}:*`, "COUNT", 1000);
    cursor = next;
    if (found.length) await client.del(...found);
  } while (cursor !== "0");
  await closeRedis();
  await closeDb();
  await sim.close();
  const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
