/**
 * Mailbox intake bench: 1,000 messages queued in a throwaway Dovecot (IMAP APPEND), from 500
 * merchants each sending the API key and then the API secret, read by intake ticks in a scratch
 * database. Prints the figure against the target (1,000 messages in under 30 s) with PASS/MISS.
 *   npx tsx --import ./scripts/allow-server-only.mjs tests/bench/intake.ts [--messages 1000] [--pollers 1]
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";

const TARGET_MS = 30_000;
await main();

async function main() {
  const { values } = parseArgs({ options: { messages: { type: "string" }, pollers: { type: "string" } } });
  const options = z
    .object({
      messages: z.coerce.number().int().positive().default(1000),
      pollers: z.coerce.number().int().min(1).max(8).default(1),
    })
    .parse(values);

  const { loadEnvFile } = await import("@/lib/load-env-file");
  loadEnvFile();
  const { TEST_ENV, ADMIN_DB_URL, databaseUrl, ownerDatabaseUrl } = await import("@/tests/helpers/test-env");
  const { startDovecot } = await import("@/tests/helpers/dovecot");
  const tag = randomBytes(4).toString("hex");
  const dbName = `bench_intake_${tag}`;
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
  const { db, closeDb } = await import("@/db/client");
  const { intakeMessages } = await import("@/db/schema");
  const { pollMailbox } = await import("@/lib/intake/poll-mailbox");
  const { closeQueues } = await import("@/lib/jobs/queues");
  const { closeRedis } = await import("@/lib/redis");
  const { createMerchant } = await import("@/tests/factories/merchant");
  const { deliver } = await import("@/tests/helpers/dovecot-mail");

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

    const started = performance.now();
    const results = await Promise.all(Array.from({ length: options.pollers }, () => pollMailbox()));
    const elapsed = performance.now() - started;
    const processed = results.reduce((n, r) => n + r.processed, 0);
    const [row] = await db
      .select({ n: dsql<number>`count(*)::int` })
      .from(intakeMessages)
      .where(dsql`${intakeMessages.removal} is not null`);
    const perMessage = elapsed / Math.max(processed, 1);
    console.log(
      `processed ${processed} messages (${row?.n ?? 0} out of the inbox) in ${(elapsed / 1000).toFixed(1)} s ` +
        `with ${options.pollers} poller(s): ${perMessage.toFixed(1)} ms per message`,
    );
    const scaled = (elapsed / options.messages) * 1000;
    console.log(
      `target: 1,000 messages in under ${TARGET_MS / 1000} s → ${(scaled / 1000).toFixed(1)} s per 1,000: ${scaled < TARGET_MS && processed === options.messages ? "PASS" : "MISS"}`,
    );
  } finally {
    await closeQueues();
    await closeRedis();
    await closeDb();
    await dovecot.stop();
    const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }
}
