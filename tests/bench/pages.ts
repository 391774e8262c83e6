/**
 * Pages bench: `npx tsx --import ./scripts/allow-server-only.mjs tests/bench/pages.ts [--no-build]
 * [--port 3111] [--runs 100] [--concurrent-runs 1000] [--merchants 100000] [--events 1000000]
 * [--save-html /tmp/dir] [--db actenzo_bench_pages] [--cpu-prof /tmp/dir] [--only queue,workspace,health]
 * [--web-processes N] [--db-socket DIR]` (N `next start` behind a round-robin proxy on --port, default one per
 * core; the servers reach PostgreSQL over its Unix socket in DIR, default /var/run/postgresql when it exists,
 * `--db-socket ""` for loopback TCP)
 * (--save-html writes each page's HTML there, to see what makes it big; --db names the bench
 * database, so parallel runs need not share one; --cpu-prof writes the server's V8 CPU profile
 * there when it stops, for Chrome DevTools; --only times just those pages).
 * Seeds the bench database once (reruns print "skipped seeding"), builds (unless --no-build),
 * starts `next start` against it, signs in seeded staff with real session cookies and times
 * /queue (default and filtered), a workspace and /health: sequentially and with 10 users at once,
 * next to the database time of the same verbs and the server's CPU time per request; then each
 * figure beside issue 8's target with PASS or MISS. Asserts nothing (exit code 0 either way). Stops the server
 * and deletes its Redis keys; keeps the database (drop it by hand when done).
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { Redis } from "ioredis";
import { migrateDatabase } from "@/db/migrate-database";
import { resetEnvCache } from "@/lib/env";
import { databaseUrl, ownerDatabaseUrl, TEST_ENV } from "@/tests/helpers/test-env";
import {
  canonicalUrl,
  concurrent,
  fetchPage,
  percentile,
  rscPayloadBytes,
  sequential,
  type Sample,
} from "./pages-http";
import { buildApp, postgresCpuMs, roundRobinProxy, serverCpuMs, startApp, stopApp } from "./pages-server";
import { seedQueueVolume } from "./queue-seed";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: true },
    "no-build": { type: "boolean", default: false },
    port: { type: "string", default: "3111" },
    "web-processes": { type: "string", default: String(cpus().length) },
    runs: { type: "string", default: "100" },
    "concurrent-runs": { type: "string", default: "1000" },
    merchants: { type: "string", default: "100000" },
    events: { type: "string", default: "1000000" },
    "save-html": { type: "string" },
    db: { type: "string", default: "actenzo_bench_pages" },
    "cpu-prof": { type: "string" },
    only: { type: "string" },
    /** PostgreSQL's Unix-socket directory, as a co-located deployment connects (decision 0046); "" for TCP. */
    "db-socket": { type: "string", default: existsSync("/var/run/postgresql") ? "/var/run/postgresql" : "" },
  },
});
const DB = args.db;
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(args.runs);
const USERS = 10;
// One `next start` per core behind the proxy, as production runs them (decision 0039); 1 times a lone process.
const WEB_PROCESSES = Number(args["web-processes"]);
const runId = randomBytes(4).toString("hex");
const env: Record<string, string> = {
  ...TEST_ENV,
  NODE_ENV: "production",
  DATABASE_URL: overSocket(databaseUrl(DB), args["db-socket"]),
  DATABASE_OWNER_URL: ownerDatabaseUrl(DB),
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0",
  REDIS_PREFIX: `bench-pages:${runId}`,
  NEXTAUTH_URL: BASE,
  APP_URL: BASE,
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
};

/** The web processes' database URL over the socket in `directory`, when one is given. */
function overSocket(url: string, directory: string) {
  if (!directory) return url;
  const socketUrl = new URL(url);
  socketUrl.hostname = "localhost";
  socketUrl.searchParams.set("host", directory);
  return socketUrl.toString();
}

async function seedOnce() {
  await migrateDatabase(env.DATABASE_OWNER_URL!, { createIfMissing: true });
  const owner = postgres(env.DATABASE_OWNER_URL!, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = (await owner`select count(*)::int n from merchants`) as unknown as [{ n: number }];
    if (n >= Number(args.merchants)) return console.log(`skipped seeding (${n} merchants already in ${DB})`);
    if (n > 0) throw new Error(`${DB} holds ${n} merchants, not ${args.merchants}: drop it and rerun`);
    const started = Date.now();
    await seedQueueVolume(owner, Number(args.merchants), Number(args.events));
    await owner`checkpoint`;
    console.log(
      `seeded ${args.merchants} merchants / ${args.events} events in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await owner.end();
  }
}

/** A real next-auth session cookie for a seeded staff member, with the current session version. */
async function sessionCookie(id: string, email: string, name: string, sessionVersion: number) {
  const token = await encode({ token: { sub: id, email, name, sessionVersion }, secret: env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

type PageResult = { label: string; kb: number; seqP95: number; manyP95: number };

/** Issue 8's targets: every page p95 < 100 ms alone and < 250 ms with 10 users; /queue HTML < 80 KB. */
const TARGETS = { seqP95: 100, manyP95: 250, queueKb: 80 };

function printTargets(results: PageResult[]) {
  console.log("\ntargets (issue 8)");
  const line = (page: string, what: string, value: string, target: string, pass: boolean) =>
    console.log(
      `${page.padEnd(18)} ${what.padEnd(12)} ${value.padStart(8)}  ${target.padEnd(9)} ${pass ? "PASS" : "MISS"}`,
    );
  for (const r of results) {
    line(r.label, "seq p95", `${r.seqP95.toFixed(0)} ms`, `< ${TARGETS.seqP95} ms`, r.seqP95 < TARGETS.seqP95);
    line(r.label, "10× p95", `${r.manyP95.toFixed(0)} ms`, `< ${TARGETS.manyP95} ms`, r.manyP95 < TARGETS.manyP95);
    if (r.label.startsWith("/queue"))
      line(r.label, "HTML", `${r.kb.toFixed(0)} KB`, `< ${TARGETS.queueKb} KB`, r.kb < TARGETS.queueKb);
  }
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0).padStart(6);
const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(18) : c.padStart(10))).join(" "));

async function main() {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} on ${(await import("node:os")).cpus().length} cores`,
  );
  await seedOnce();
  Object.assign(process.env, { ...env, NODE_ENV: "test" });
  resetEnvCache();
  const { sql, closeDb } = await import("@/db/client");
  const { timePageData } = await import("./pages-sql");
  if (args.build && !args["no-build"]) await buildApp(env);
  const servers: ChildProcess[] = [];
  for (let i = 1; i <= WEB_PROCESSES; i++)
    servers.push(
      await startApp(
        PORT + i,
        env,
        path.join(tmpdir(), `bench-pages-${runId}-${i}.log`),
        args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : [],
      ),
    );
  const proxy = await roundRobinProxy(
    PORT,
    servers.map((_, i) => PORT + 1 + i),
  );
  const serversCpuMs = () => servers.reduce((sum, server) => sum + serverCpuMs(server), 0);
  try {
    const staff = await sql<{ id: string; email: string; name: string; session_version: number }[]>`
      select id, email, name, session_version from staff_users
      where role = 'specialist' and email like 'specialist%@actenzo.test' order by email limit ${USERS}`;
    const users = await Promise.all(
      staff.map(async (s) => ({ ...s, cookie: await sessionCookie(s.id, s.email, s.name, s.session_version) })),
    );
    const me = users[0]!;
    const [merchant] = await sql<{ id: string }[]>`select m.id from merchants m
      where m.specialist_id = ${me.id} and m.current_stage is not null order by m.last_activity_at desc limit 1`;
    const pages: {
      label: string;
      file: string;
      data: "queue" | "workspace" | "health";
      path: string;
      query: Record<string, string>;
    }[] = [
      { label: "/queue", file: "queue", data: "queue", path: "/queue", query: {} },
      {
        label: "/queue filtered",
        file: "queue-filtered",
        data: "queue",
        path: "/queue?stage=key_received&q=wijn&sort=company",
        query: { stage: "key_received", q: "wijn", sort: "company" },
      },
      {
        label: "/merchants/<id>",
        file: "workspace",
        data: "workspace",
        path: `/merchants/${merchant!.id}`,
        query: { id: merchant!.id },
      },
      { label: "/health", file: "health", data: "health", path: "/health", query: {} },
    ];
    console.log(
      `\n${WEB_PROCESSES} × next start behind a round-robin proxy (one per core, as deployed; --web-processes 1 for a lone one), ` +
        `reaching PostgreSQL ${args["db-socket"] ? `over its socket in ${args["db-socket"]}` : "over loopback TCP"}.` +
        `\n${RUNS} sequential requests per page (after 10 warm-up, and 20 per web process at once), ${args["concurrent-runs"]} with ${USERS} signed-in users at once; ms to the last byte.` +
        `\nCPU ms/req: the servers' CPU time per sequential request (the work per view; less noisy than latency, but still inflated on an oversubscribed machine: compare runs at a similar load average).` +
        `\nPG CPU ms: PostgreSQL's CPU time per sequential request (every postgres process: parsing, planning and running the page's statements).` +
        `\nSQL/req: statements (autocommit transactions) the server ran per sequential request, from pg_stat_database; machine-independent.`,
    );
    row([
      "page",
      "HTML KB",
      "RSC KB",
      "seq p50",
      "seq p95",
      "10× p50",
      "10× p95",
      "10× req/s",
      "CPU ms/req",
      "PG CPU ms",
      "SQL/req",
      "SQL p50",
      "SQL p95",
    ]);
    const results: PageResult[] = [];
    const only = args.only?.split(",");
    for (const page of pages.filter((p) => !only || only.includes(p.data))) {
      const own = await Promise.all(
        users.map(async (u) => ({ url: await canonicalUrl(BASE + page.path, u.cookie), cookie: u.cookie })),
      );
      const saveAs = args["save-html"] && path.join(args["save-html"], `${page.file}.html`);
      const rsc = await rscPayloadBytes(own[0]!.url, me.cookie, saveAs);
      for (let i = 0; i < 10; i++) await fetchPage(own[0]!.url, me.cookie);
      // Every web process warm too (the proxy spreads connections, not requests): JIT and caches.
      await concurrent(own, 20 * WEB_PROCESSES);
      const committedBefore = await committedStatements(sql);
      const cpuBefore = serversCpuMs();
      const pgCpuBefore = postgresCpuMs();
      const seq: Sample[] = await sequential(own[0]!.url, me.cookie, RUNS, 0);
      const cpuPerRequest = (serversCpuMs() - cpuBefore) / RUNS;
      const pgCpuPerRequest = (postgresCpuMs() - pgCpuBefore) / RUNS;
      const statementsPerRequest = ((await committedStatements(sql)) - committedBefore) / RUNS;
      const many = await concurrent(own, Number(args["concurrent-runs"]));
      const db = await timePageData(page.data, me.id, page.query, RUNS, 10);
      const ms = (s: Sample[]) => s.map((x) => x.ms);
      const result: PageResult = {
        label: page.label,
        kb: seq[0]!.bytes / 1024,
        seqP95: percentile(ms(seq), 95),
        manyP95: percentile(ms(many.samples), 95),
      };
      results.push(result);
      row([
        page.label,
        result.kb.toFixed(0),
        (rsc / 1024).toFixed(0),
        fmt(percentile(ms(seq), 50)),
        fmt(result.seqP95),
        fmt(percentile(ms(many.samples), 50)),
        fmt(result.manyP95),
        many.perSecond.toFixed(0),
        fmt(cpuPerRequest),
        fmt(pgCpuPerRequest),
        statementsPerRequest.toFixed(1),
        fmt(percentile(db, 50)),
        fmt(percentile(db, 95)),
      ]);
    }
    printTargets(results);
    console.log(
      `\nload average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    proxy.close();
    await Promise.all(servers.map((server) => stopApp(server)));
    await closeDb();
    await deleteRedisKeys(`${env.REDIS_PREFIX}:*`);
  }
}

/**
 * Transactions committed in the bench database so far (each autocommit statement is one). A
 * backend publishes its counts when it goes idle, at most every 10 s (PostgreSQL 15's
 * PGSTAT_IDLE_INTERVAL), so this waits for the server's connections to have published theirs.
 */
async function committedStatements(sql: import("postgres").Sql): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const [row] = await sql<{ n: string }[]>`select xact_commit::text n from pg_stat_database where datname = ${DB}`;
  return Number(row?.n ?? NaN);
}

async function deleteRedisKeys(pattern: string) {
  const redis = new Redis(env.REDIS_URL!);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
