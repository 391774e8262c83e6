/**
 * Reminders bench: N stalled merchants in a scratch database (every merchant step, six countries'
 * calendars; a few whose step moved on, to be stopped, and a few whose reminders ran out, to be
 * escalated). Three planning passes: the first (cold: calendars, holidays and connections are new),
 * a second at the same instant (the steady minute tick: nothing new is due), a third a week later
 * (the second reminders). Then S planned emails sent to a local SMTP sink by two worker
 * processes (jobs/worker.ts), every job enqueued twice, and checked for exactly-once delivery.
 *   npx tsx --import ./scripts/allow-server-only.mjs tests/bench/reminders.ts [--merchants 100000] [--send 1000] [--concurrency 10]
 *     [--db bench_reminders]
 * The scratch database (default bench_reminders; --db for a second bench at the same time) is dropped
 * before and after, and names the bench's Redis prefix too.
 * Targets: planning < 5 s for 100,000 merchants; sending ≥ 50 emails/s; every email exactly once.
 * Wall clock depends on the machine's load; the CPU figures (this process, the worker processes
 * and the PostgreSQL backends serving the bench database, from /proc) much less.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { SMTPServer } from "smtp-server";
import { z } from "zod";
import { processCpuMs } from "./process-cpu";

await main();

async function main() {
  const { values } = parseArgs({
    options: {
      merchants: { type: "string" },
      send: { type: "string" },
      concurrency: { type: "string" },
      db: { type: "string" },
    },
  });
  const options = z
    .object({
      merchants: z.coerce.number().int().positive().default(100_000),
      send: z.coerce.number().int().positive().default(1000),
      concurrency: z.coerce.number().int().positive().max(200).default(10),
      // Interpolated into DROP DATABASE: a plain identifier only.
      db: z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/)
        .default("bench_reminders"),
    })
    .parse(values);

  // A local SMTP sink that counts what it accepted, by Message-ID.
  const accepted = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4000) head += chunk.toString("utf8");
      });
      stream.on("end", () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? "?";
        accepted.set(id, (accepted.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));

  const { loadEnvFile } = await import("@/lib/load-env-file");
  loadEnvFile();
  const { TEST_ENV, ADMIN_DB_URL, databaseUrl, ownerDatabaseUrl } = await import("@/tests/helpers/test-env");
  const DB_NAME = options.db;
  const prefix = `bench:${DB_NAME}`;
  Object.assign(process.env, {
    ...Object.fromEntries(Object.entries(TEST_ENV).filter(([k]) => !process.env[k] || k === "LOG_LEVEL")),
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl(DB_NAME),
    REDIS_PREFIX: prefix,
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
  });

  const { migrateDatabase } = await import("@/db/migrate-database");
  const postgres = (await import("postgres")).default;
  const { sql, closeDb } = await import("@/db/client");
  const { closeQueues, getQueue, JOB_NAMES } = await import("@/lib/jobs/queues");
  const { closeRedis, redis } = await import("@/lib/redis");
  const { planDueReminders } = await import("@/lib/reminders/plan-due-reminders");
  const { enqueueDueEmails } = await import("@/lib/reminders/outbox/enqueue-due-emails");

  const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await clearRedis();
  await migrateDatabase(ownerDatabaseUrl(DB_NAME), { createIfMissing: true });
  const owner = postgres(ownerDatabaseUrl(DB_NAME), { max: 1, onnotice: () => {} });
  const seededAt = performance.now();
  const n = options.merchants;
  // Stalled on every merchant step since 16–18 Nov, in six countries (six calendars, their holidays).
  await owner.unsafe(`
    insert into merchants (company, shop_name, shop_domain, cluster, language, country, contact_name, contact_email,
      current_stage, ball_in_court, stage_entered_at)
    select 'Shop ' || n, 'Shop ' || n, 'shop-' || n || '.test', 'eu1',
      (array['nl','de','fr','en','nl','us'])[1 + n % 6], (array['NL','DE','BE','GB','BE','US'])[1 + n % 6],
      'Contact ' || n, 'contact' || n || '@shop.test',
      (array['user_created','user_approved','key_received','secret_received']::stage[])[1 + n % 4], 'merchant',
      timestamptz '2026-11-16 09:00:00+00' + (n % 48) * interval '1 hour'
    from generate_series(1, ${n}) n`);
  // 2 %: a sequence of an earlier step that has since moved on (stopped: step done). 2 %: the
  // current step's reminders ran out a week ago (escalated to the specialist).
  await owner.unsafe(`
    insert into reminder_sequences (merchant_id, stage, step_entered_at, sent, last_action_at)
    select id, 'user_created', stage_entered_at - interval '5 days', 1, stage_entered_at - interval '2 days'
    from (select id, stage_entered_at, row_number() over (order by id) r from merchants) m where r % 50 = 0`);
  await owner.unsafe(`
    insert into reminder_sequences (merchant_id, stage, step_entered_at, sent, last_action_at)
    select id, current_stage, stage_entered_at, 3, timestamptz '2026-11-17 09:00:00+00'
    from (select id, current_stage, stage_entered_at, row_number() over (order by id) r from merchants) m
    where r % 50 = 1`);
  await owner.unsafe("analyze");
  console.log(`Seeded ${n} stalled merchants in ${((performance.now() - seededAt) / 1000).toFixed(1)} s.`);

  /** CPU ms of the PostgreSQL backends serving the bench database (from /proc; 0 if unreadable). */
  const backendCpu = async () => {
    const rows = await owner<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${DB_NAME}`;
    return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
  };
  const backendCpuSince = async (before: Map<number, number>) => {
    let ms = 0;
    for (const [pid, now] of await backendCpu()) ms += now - (before.get(pid) ?? 0);
    return ms;
  };
  const measure = async <T>(work: () => Promise<T>) => {
    const pg = await backendCpu();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const result = await work();
    const wallMs = performance.now() - t;
    const { user, system } = process.cpuUsage(cpu);
    return { result, wallMs, nodeMs: (user + system) / 1000, pgMs: await backendCpuSince(pg) };
  };

  // Thursday 26 Nov 2026, 11:00 in Amsterdam; the third pass a week later.
  const now = new Date("2026-11-26T10:00:00Z");
  const load = () => loadavg()[0]!.toFixed(1);
  const loadAtPlan = load();
  const first = await measure(() => planDueReminders(now));
  const second = await measure(() => planDueReminders(now));
  const third = await measure(() => planDueReminders(new Date(now.getTime() + 7 * 86_400_000)));

  // Send S of the planned emails (after W untimed ones that warm the workers: their connections,
  // the compiled templates); the rest are set aside so the sink measures only what is timed.
  const warmUp = Math.min(40, options.send);
  await owner.unsafe(`
    update outbox_emails set status = 'cancelled'
    where id not in (select id from outbox_emails where status = 'planned' order by id limit ${options.send + warmUp})`);
  await owner.unsafe(`update outbox_emails set due_at = now() - interval '1 minute' where status = 'planned'`);
  await owner.unsafe(`
    update outbox_emails set due_at = now() + interval '1 day'
    where id in (select id from outbox_emails where status = 'planned' order by id desc limit ${options.send})`);
  const workers = [0, 1].map(() =>
    spawnWorker({ WORKER_MAIL_CONCURRENCY: String(options.concurrency), WORKER_SCHEDULERS: "off" }),
  );
  await Promise.all(workers.map((w) => w.started));
  await enqueueDueEmails();
  await waitForSent(warmUp);
  accepted.clear();
  await owner.unsafe(`update outbox_emails set due_at = now() - interval '1 minute' where status = 'planned'`);
  const loadAtSend = load();
  const workerCpu = () => workers.reduce((sum, w) => sum + processCpuMs(w.child.pid!), 0);
  const pgBefore = await backendCpu();
  const workersBefore = workerCpu();
  const benchCpu = process.cpuUsage();
  const t2 = performance.now();
  const enqueued = await enqueueDueEmails();
  const ids = (await sql<{ id: string }[]>`select id from outbox_emails where status = 'planned'`).map((r) => r.id);
  await getQueue("mail").addBulk(
    ids.map((id) => ({ name: JOB_NAMES.sendEmail, data: { outboxId: id }, opts: { jobId: `dup.${id}` } })),
  );
  await waitForSent(warmUp + options.send);
  const sendMs = performance.now() - t2;
  const sendWorkersMs = workerCpu() - workersBefore;
  const sendPgMs = await backendCpuSince(pgBefore);
  const sinkMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(benchCpu));
  // Duplicates would arrive after the count: give them time.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const delivered = [...accepted.values()].reduce((a, b) => a + b, 0);
  const duplicates = [...accepted.values()].filter((c) => c > 1).length;
  const rate = options.send / (sendMs / 1000);
  const exactlyOnce = delivered === options.send && accepted.size === options.send && duplicates === 0;
  const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
  const planTarget = (5 * n) / 100_000;
  const perMerchant = (m: { nodeMs: number; pgMs: number }) =>
    `CPU ${(m.nodeMs / n).toFixed(3)} ms node + ${(m.pgMs / n).toFixed(3)} ms PostgreSQL per merchant`;
  const pass = (label: string, m: typeof first) =>
    `  ${label.padEnd(24)}${(m.wallMs / 1000).toFixed(2)} s (${m.result.candidates} candidates, ${m.result.planned} planned, ${m.result.escalated} escalated, ${m.result.stopped} stopped); ${perMerchant(m)}`;

  console.log(
    [
      `Reminders bench (${n} merchants; load ${loadAtPlan} when planning, ${loadAtSend} when sending, ${navigatorCores()} cores)`,
      pass("planning, first pass", first) +
        `; target < ${planTarget.toFixed(1)} s  ${verdict(first.wallMs / 1000 < planTarget)}`,
      pass("planning, second pass", second) +
        `; target < ${planTarget.toFixed(1)} s  ${verdict(second.wallMs / 1000 < planTarget)}`,
      pass("planning, a week later", third) +
        `; target < ${planTarget.toFixed(1)} s  ${verdict(third.wallMs / 1000 < planTarget)}`,
      `  sending                 ${options.send} emails in ${(sendMs / 1000).toFixed(2)} s = ${rate.toFixed(0)} emails/s (2 worker processes × ${options.concurrency}, warmed by ${warmUp}; ${enqueued} jobs + ${ids.length} duplicates); target ≥ 50/s  ${verdict(rate >= 50)}`,
      `                          CPU per email: ${(sendWorkersMs / options.send).toFixed(2)} ms workers + ${(sendPgMs / options.send).toFixed(2)} ms PostgreSQL (+ ${(sinkMs / options.send).toFixed(2)} ms bench and SMTP sink)`,
      `  exactly once            ${delivered} delivered, ${accepted.size} distinct, ${duplicates} duplicated  ${verdict(exactlyOnce)}`,
    ].join("\n"),
  );

  for (const w of workers) w.child.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
  await closeQueues();
  await clearRedis();
  await closeRedis();
  await closeDb();
  await owner.end();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.end();

  async function waitForSent(count: number) {
    for (;;) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from outbox_emails where status = 'sent'`;
      if ((row?.n ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function clearRedis() {
    const client = redis();
    let cursor = "0";
    do {
      const [next, found] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (found.length) await client.del(...found);
    } while (cursor !== "0");
  }
}

function navigatorCores() {
  return readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm)?.length ?? "?";
}

/** A worker process like `npm run worker` (tests/helpers/spawn-worker.ts without vitest), env passed explicitly. */
function spawnWorker(env: Record<string, string>): {
  child: ChildProcess;
  started: Promise<void>;
  exited: Promise<unknown>;
} {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "jobs/worker.ts"],
    { env: { ...process.env, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const started = new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("workers started")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`worker exited with ${code}: ${out.slice(-2000)}`)));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return { child, started, exited };
}
