/**
 * Queue benchmark: `npx tsx --import ./scripts/allow-server-only.mjs tests/bench/queue.ts [--merchants 100000] [--events 1000000]
 * [--runs 300] [--warmup 20] [--explain] [--keep] [--reuse bench_queue_xxxx]`. Creates a scratch
 * database `bench_queue_<random>`, migrates and seeds it, then times `listWorkQueue` against the same
 * SQL run directly through postgres.js for five typical views, and drops the database. Prints
 * figures; asserts nothing. `--keep` leaves the database for index tuning; `--reuse` times a kept one
 * (and drops it afterwards unless `--keep` is given again).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { loadEnvFile } from "@/lib/load-env-file";
import { resetEnvCache } from "@/lib/env";
import { ownerDatabaseUrl } from "@/db/database-urls";
import { migrateDatabase } from "@/db/migrate-database";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { seedQueueVolume } from "./queue-seed";

const { values: args } = parseArgs({
  options: {
    merchants: { type: "string", default: "100000" },
    events: { type: "string", default: "1000000" },
    // p95 of 100 samples is the 6th-worst run, so for a 0.4 ms view a few 2–5 ms scheduler or GC
    // hiccups decide it, on either side: unchanged code gave 0.95× and 3.25× in back-to-back runs.
    // 300 samples (16th-worst) narrow that swing; still time on an idle machine (the header
    // prints the load average).
    runs: { type: "string", default: "300" },
    warmup: { type: "string", default: "20" },
    explain: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
  },
});
const MERCHANTS = Number(args.merchants);
const EVENTS = Number(args.events);
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);

loadEnvFile();
// The bench reads only the database; fill the other required variables with harmless test values.
for (const [key, value] of Object.entries(TEST_ENV)) if (key !== "NODE_ENV") process.env[key] ??= value;
// As the owner: the bench creates, bulk-loads and drops its scratch database.
const baseUrl = new URL(ownerDatabaseUrl());
const adminUrl = new URL(baseUrl);
adminUrl.pathname = "/postgres";
const dbName = args.reuse ?? `bench_queue_${randomBytes(4).toString("hex")}`;
if (!/^bench_queue_[a-z0-9]+$/.test(dbName)) throw new Error(`--reuse takes a bench_queue_* database, not ${dbName}`);
const benchUrl = new URL(baseUrl);
benchUrl.pathname = `/${dbName}`;

const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });

async function main() {
  if (!args.reuse) await admin.unsafe(`create database "${dbName}"`);
  console.log(`scratch database ${dbName}`);
  try {
    if (!args.reuse) await migrateDatabase(benchUrl.toString());
    process.env.DATABASE_URL = benchUrl.toString();
    resetEnvCache();
    // Imported after DATABASE_URL points at the scratch database.
    const { runCombinations } = await import("./queue-combinations");
    const { sql, closeDb } = await import("@/db/client");
    try {
      let t = performance.now();
      if (!args.reuse) {
        await seedQueueVolume(sql, MERCHANTS, EVENTS);
        // Write the seed's dirty pages out now; otherwise the checkpointer flushes them in the
        // middle of the timing, and that I/O lands on whichever side happens to be running.
        await sql`checkpoint`;
      }
      const [counts] = await sql`select (select count(*) from merchants) m, (select count(*) from merchant_events) e,
        (select count(*) from merchant_steps) s`;
      console.log(
        `${args.reuse ? "reused" : "seeded"} ${counts?.m} merchants, ${counts?.s} steps, ${counts?.e} events in ${((performance.now() - t) / 1000).toFixed(1)} s (incl. vacuum analyze)`,
      );
      t = performance.now();
      await runCombinations({ runs: RUNS, warmup: WARMUP, explain: args.explain });
      console.log(`timed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } finally {
      await closeDb();
    }
  } finally {
    if (args.keep) console.log(`kept ${dbName} (drop it when done, or rerun with --reuse ${dbName})`);
    else {
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
      console.log(`dropped ${dbName}`);
    }
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
