/**
 * Mailbox intake bench: 1,000 messages queued in a throwaway Dovecot (IMAP APPEND), from 500
 * merchants each sending the API key and then the API secret, read by intake ticks in a scratch
 * database (`bench_intake_speed_<tag>`). Prints the target (1,000 messages in under 30 s) with
 * PASS/MISS, messages per second, and load-robust figures per message: CPU ms of this process,
 * CPU ms of its PostgreSQL backends, SQL statements and IMAP commands.
 *   npx tsx --import ./scripts/allow-server-only.mjs tests/bench/intake.ts [--messages 1000] [--pollers 1]
 *     [--statements] [--profile poll.cpuprofile]
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { processCpuMs } from "./process-cpu";

const TARGET_MS = 30_000;
await main();

async function main() {
  const { values } = parseArgs({
    options: {
      messages: { type: "string" },
      pollers: { type: "string" },
      /** Lists the SQL statements the poll ran most, per message. */
      statements: { type: "boolean" },
      /** Writes a CPU profile of the poll alone (.cpuprofile, for Chrome DevTools). */
      profile: { type: "string" },
    },
  });
  const options = z
    .object({
      messages: z.coerce.number().int().positive().default(1000),
      pollers: z.coerce.number().int().min(1).max(8).default(1),
      statements: z.boolean().default(false),
      profile: z.string().optional(),
    })
    .parse(values);

  const { loadEnvFile } = await import("@/lib/load-env-file");
  loadEnvFile();
  const { TEST_ENV, ADMIN_DB_URL, databaseUrl, ownerDatabaseUrl } = await import("@/tests/helpers/test-env");
  const { startDovecot } = await import("@/tests/helpers/dovecot");
  const tag = randomBytes(4).toString("hex");
  const dbName = `bench_intake_speed_${tag}`;
  const dovecot = await startDovecot();
  Object.assign(process.env, {
    ...Object.fromEntries(Object.entries(TEST_ENV).filter(([k]) => !process.env[k] || k === "LOG_LEVEL")),
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl(dbName),
    REDIS_PREFIX: `bench:${tag}`,
    INTAKE_IMAP_URL: dovecot.url,
    INTAKE_SECRET_REMOVAL: "redact",
  });

  const { migrateDatabase } = await import("@/db/migrate-database");
  const postgres = (await import("postgres")).default;
  const { sql: dsql } = await import("drizzle-orm");
  const { ImapFlow } = await import("imapflow");
  const { CONNECTION_OPTIONS } = await import("@/db/client");
  const { databaseUrl: appDatabaseUrl } = await import("@/db/env");

  // The app's pool, made here with a statement counter (db/client.ts reuses a pool it finds on
  // globalThis for the same URL): SQL round trips per message, whatever the load.
  let statements = 0;
  const byText = new Map<string, number>();
  Object.assign(globalThis, {
    sql: postgres(appDatabaseUrl(), {
      max: 10,
      ...CONNECTION_OPTIONS,
      onnotice: () => {},
      debug: (_connection: number, query: string) => {
        statements += 1;
        if (options.statements) {
          const text = query.replace(/\s+/g, " ").slice(0, 110);
          byText.set(text, (byText.get(text) ?? 0) + 1);
        }
      },
    }),
    dbUrl: appDatabaseUrl(),
  });
  // Every IMAP command the intake sends goes through ImapFlow#exec.
  let imapCommands = 0;
  const proto = ImapFlow.prototype as unknown as { exec: (...args: unknown[]) => unknown };
  const exec = proto.exec;
  proto.exec = function (this: unknown, ...args: unknown[]) {
    imapCommands += 1;
    return exec.apply(this, args);
  };

  const { db, closeDb } = await import("@/db/client");
  const { intakeMessages } = await import("@/db/schema");
  const { pollMailbox } = await import("@/lib/intake/poll-mailbox");
  const { closeQueues } = await import("@/lib/jobs/queues");
  const { closeRedis } = await import("@/lib/redis");
  const { createMerchant } = await import("@/tests/factories/merchant");
  const { deliver } = await import("@/tests/helpers/dovecot-mail");
  const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });

  try {
    await migrateDatabase(ownerDatabaseUrl(dbName), { createIfMissing: true });
    const merchantCount = Math.ceil(options.messages / 2);
    const merchants = [];
    for (let i = 0; i < merchantCount; i += 20)
      merchants.push(
        ...(await Promise.all(Array.from({ length: Math.min(20, merchantCount - i) }, () => createMerchant()))),
      );
    const mails = merchants.flatMap((m) => [
      {
        from: m.contactEmail,
        subject: "API key",
        text: `Hi,\n\nAPI key: ${randomBytes(16).toString("hex")}\n\nThanks`,
      },
      { from: m.contactEmail, subject: "API secret", text: `And the secret:\n${randomBytes(16).toString("hex")}\n` },
    ]);
    await deliver(dovecot, mails.slice(0, options.messages));
    console.log(`queued ${options.messages} messages from ${merchantCount} merchants (APPEND)`);

    // The pool's backends, opened before the clock starts so their CPU time can be read after.
    await Promise.all(Array.from({ length: 10 }, () => db.execute(dsql`select pg_sleep(0.05)`)));
    const backends = async () =>
      (await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${dbName}`).map((r) => r.pid);
    const dbPids = await backends();
    const dbCpuBefore = dbPids.reduce((n, pid) => n + processCpuMs(pid), 0);
    const load = loadavg()[0]!.toFixed(2);
    statements = 0;
    byText.clear();
    imapCommands = 0;
    const { Session } = await import("node:inspector/promises");
    const inspector = options.profile ? new Session() : null;
    if (inspector) {
      inspector.connect();
      await inspector.post("Profiler.enable");
      await inspector.post("Profiler.start");
    }
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: options.pollers }, () => pollMailbox()));
    const elapsed = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const sqlCount = statements;
    const imapCount = imapCommands;
    const dbCpu = (await backends()).reduce((n, pid) => n + processCpuMs(pid), 0) - dbCpuBefore;
    if (inspector && options.profile) {
      const { profile } = await inspector.post("Profiler.stop");
      writeFileSync(options.profile, JSON.stringify(profile));
      console.log(`CPU profile of the poll: ${options.profile}`);
    }

    const processed = results.reduce((n, r) => n + r.processed, 0);
    const [row] = await db
      .select({ n: dsql<number>`count(*)::int` })
      .from(intakeMessages)
      .where(dsql`${intakeMessages.removal} is not null`);
    const per = (n: number) => (n / Math.max(processed, 1)).toFixed(2);
    console.log(
      `processed ${processed} messages (${row?.n ?? 0} out of the inbox) in ${(elapsed / 1000).toFixed(1)} s ` +
        `with ${options.pollers} poller(s), load ${load} at start: ${(processed / (elapsed / 1000)).toFixed(1)} messages/s`,
    );
    console.log(
      `per message: ${per((cpu.user + cpu.system) / 1000)} CPU ms (intake process), ` +
        `${per(dbCpu)} CPU ms (PostgreSQL backends), ${per(sqlCount)} SQL statements, ${per(imapCount)} IMAP commands`,
    );
    if (options.statements)
      for (const [text, n] of [...byText].sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`${per(n).padStart(6)} × ${text}`);
    const scaled = (elapsed / options.messages) * 1000;
    console.log(
      `target: 1,000 messages in under ${TARGET_MS / 1000} s → ${(scaled / 1000).toFixed(1)} s per 1,000: ` +
        `${scaled < TARGET_MS && processed === options.messages ? "PASS" : "MISS"}`,
    );
  } finally {
    await closeQueues();
    await closeRedis();
    await closeDb();
    await dovecot.stop();
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }
}
