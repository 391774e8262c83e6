/**
 * Reminders bench: N stalled merchants in a scratch database; one planning pass (the reminder
 * tick's bulk SQL + the policy in each merchant's calendar) timed against its target; then S of
 * the planned emails sent through the outbox by two competing in-process mailers (every job
 * enqueued twice) to a local SMTP server, timed, and checked for exactly-once delivery.
 *   npx tsx --import ./scripts/allow-server-only.mjs tests/bench/reminders.ts [--merchants 100000] [--send 1000] [--concurrency 20]
 * Targets: planning < 5 s for 100,000 merchants; sending ≥ 50 emails/s; every email exactly once.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { SMTPServer } from "smtp-server";
import { z } from "zod";

await main();

async function main() {
  const { values } = parseArgs({
    options: { merchants: { type: "string" }, send: { type: "string" }, concurrency: { type: "string" } },
  });
  const options = z
    .object({
      merchants: z.coerce.number().int().positive().default(100_000),
      send: z.coerce.number().int().positive().default(1000),
      concurrency: z.coerce.number().int().positive().max(200).default(20),
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
  const tag = randomBytes(4).toString("hex");
  const dbName = `bench_reminders_${tag}`;
  Object.assign(process.env, {
    ...Object.fromEntries(Object.entries(TEST_ENV).filter(([k]) => !process.env[k] || k === "LOG_LEVEL")),
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl(dbName),
    REDIS_PREFIX: `bench:${tag}`,
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
  });

  const { migrateDatabase } = await import("@/db/migrate-database");
  const postgres = (await import("postgres")).default;
  const { sql, closeDb } = await import("@/db/client");
  const { closeQueues, getQueue, JOB_NAMES } = await import("@/lib/jobs/queues");
  const { startWorkers } = await import("@/jobs/start-workers");
  const { closeRedis, redis } = await import("@/lib/redis");
  const { planDueReminders } = await import("@/lib/reminders/plan-due-reminders");
  const { enqueueDueEmails } = await import("@/lib/reminders/outbox/enqueue-due-emails");

  await migrateDatabase(ownerDatabaseUrl(dbName), { createIfMissing: true });
  const owner = postgres(ownerDatabaseUrl(dbName), { max: 1, onnotice: () => {} });
  const seededAt = performance.now();
  // Stalled on every merchant step, in six countries (six calendars, their holidays).
  await owner.unsafe(`
    insert into merchants (company, shop_name, shop_domain, cluster, language, country, contact_name, contact_email,
      current_stage, ball_in_court, stage_entered_at)
    select 'Shop ' || n, 'Shop ' || n, 'shop-${tag}-' || n || '.test', 'eu1',
      (array['nl','de','fr','en','nl','us'])[1 + n % 6], (array['NL','DE','BE','GB','BE','US'])[1 + n % 6],
      'Contact ' || n, 'contact' || n || '@shop-${tag}.test',
      (array['user_created','user_approved','key_received','secret_received']::stage[])[1 + n % 4], 'merchant',
      timestamptz '2026-11-16 09:00:00+00' + (n % 48) * interval '1 hour'
    from generate_series(1, ${options.merchants}) n`);
  await owner.unsafe("analyze");
  console.log(
    `Seeded ${options.merchants} stalled merchants in ${((performance.now() - seededAt) / 1000).toFixed(1)} s.`,
  );

  // Thursday 26 Nov 2026, 11:00 in Amsterdam (the merchants' calendars use the agency zone).
  const now = new Date("2026-11-26T10:00:00Z");
  const t0 = performance.now();
  const plan = await planDueReminders(now);
  const planMs = performance.now() - t0;
  const t1 = performance.now();
  const again = await planDueReminders(now);
  const againMs = performance.now() - t1;

  // Send S of them; the rest are set aside so the sinks measure only what is timed.
  await owner.unsafe(`
    update outbox_emails set status = 'cancelled'
    where id not in (select id from outbox_emails order by id limit ${options.send})`);
  const workerConfig = {
    concurrency: { verification: 1, health: 1, scheduler: 1, mail: options.concurrency },
    lockDuration: 60_000,
    schedulers: false,
  };
  const mailers = [startWorkers(workerConfig, ["mail"]), startWorkers(workerConfig, ["mail"])];
  const t2 = performance.now();
  const enqueued = await enqueueDueEmails();
  const ids = (await sql<{ id: string }[]>`select id from outbox_emails where status <> 'cancelled'`).map((r) => r.id);
  await getQueue("mail").addBulk(
    ids.map((id) => ({ name: JOB_NAMES.sendEmail, data: { outboxId: id }, opts: { jobId: `dup.${id}` } })),
  );
  for (;;) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from outbox_emails where status = 'sent'`;
    if ((row?.n ?? 0) >= options.send) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const sendMs = performance.now() - t2;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const delivered = [...accepted.values()].reduce((a, b) => a + b, 0);
  const duplicates = [...accepted.values()].filter((n) => n > 1).length;
  const rate = options.send / (sendMs / 1000);
  const exactlyOnce = delivered === options.send && accepted.size === options.send && duplicates === 0;
  const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
  const planTarget = (5 * options.merchants) / 100_000;

  console.log(
    [
      "Reminders bench",
      `  planning          ${(planMs / 1000).toFixed(2)} s for ${options.merchants} merchants (${plan.candidates} candidates, ${plan.planned} planned); target < ${planTarget.toFixed(1)} s  ${verdict(planMs / 1000 < planTarget)}`,
      `  planning again    ${(againMs / 1000).toFixed(2)} s (${again.planned} planned: nothing is due twice)`,
      `  sending           ${options.send} emails in ${(sendMs / 1000).toFixed(2)} s = ${rate.toFixed(0)} emails/s (2 mailers × ${options.concurrency}, ${enqueued} jobs + ${ids.length} duplicates); target ≥ 50/s  ${verdict(rate >= 50)}`,
      `  exactly once      ${delivered} delivered, ${accepted.size} distinct, ${duplicates} duplicated  ${verdict(exactlyOnce)}`,
    ].join("\n"),
  );

  for (const m of mailers) await m.close();
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
  await owner.end();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
