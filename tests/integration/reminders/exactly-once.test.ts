import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { JOB_NAMES, closeQueues, getQueue } from "@/lib/jobs/queues";
import { enqueueDueEmails } from "@/lib/reminders/outbox/enqueue-due-emails";
import { planDueReminders } from "@/lib/reminders/plan-due-reminders";
import { createMerchant } from "@/tests/factories/merchant";
import { startSmtpInbox, type SmtpInbox } from "@/tests/helpers/smtp-inbox";
import { killWorkersAfterAll, spawnWorker } from "@/tests/helpers/spawn-worker";
import { waitFor } from "@/tests/helpers/jobs";
import { NOW, stall } from "./helpers";

let ackDelay = 0;
let inbox: SmtpInbox;
beforeAll(async () => {
  inbox = await startSmtpInbox({ ackDelayMs: () => ackDelay });
  Object.assign(process.env, { SMTP_URL: inbox.url, MAIL_LEASE_MS: "2000" });
  resetEnvCache();
});
afterAll(async () => {
  await closeQueues();
  await inbox.close();
});
killWorkersAfterAll();

// The crash test wants a short lease (a dead worker's claim expires quickly); racing workers a
// production-like one: the lease must outlast one send, cold start included.
const WORKER_ENV = { MAIL_LEASE_MS: "2000", WORKER_MAIL_CONCURRENCY: "8" };
const RACE_ENV = { MAIL_LEASE_MS: "60000", WORKER_MAIL_CONCURRENCY: "8" };
const received = (address: string) => inbox.messages.filter((m) => JSON.stringify(m.to).includes(address)).length;

async function stalledMerchants(count: number) {
  const merchants = [];
  for (let i = 0; i < count; i++) merchants.push(await createMerchant({ language: "en", country: "NL" }));
  for (const m of merchants) await stall(m.id);
  await planDueReminders(NOW);
  const rows = await db
    .select()
    .from(outboxEmails)
    .where(
      inArray(
        outboxEmails.merchantId,
        merchants.map((m) => m.id),
      ),
    );
  return { merchants, rows };
}

describe("the mailer sends each planned email exactly once", () => {
  it("two worker processes racing over the same emails, each enqueued twice, send each once", async () => {
    const { merchants, rows } = await stalledMerchants(40);
    expect(rows).toHaveLength(40);
    const workers = [spawnWorker(RACE_ENV), spawnWorker(RACE_ENV)];
    try {
      // The tick's jobs plus a duplicate of each under another id (a retried tick, a re-enqueue).
      await enqueueDueEmails();
      await getQueue("mail").addBulk(
        rows.map((r) => ({ name: JOB_NAMES.sendEmail, data: { outboxId: r.id }, opts: { jobId: `dup.${r.id}` } })),
      );
      await waitFor(async () => merchants.every((m) => received(m.contactEmail) >= 1), "every email", 60_000).catch(
        async (e) => {
          const now = await db
            .select()
            .from(outboxEmails)
            .where(
              inArray(
                outboxEmails.id,
                rows.map((r) => r.id),
              ),
            );
          console.log(
            now.map((r) => [r.status, r.attempts, r.lastError]),
            workers[0]!.output().slice(-3000),
          );
          throw e;
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (const m of merchants) expect(received(m.contactEmail)).toBe(1);
      const after = await db
        .select()
        .from(outboxEmails)
        .where(
          inArray(
            outboxEmails.id,
            rows.map((r) => r.id),
          ),
        );
      expect(after.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    } finally {
      for (const w of workers) w.child.kill("SIGTERM");
      await Promise.all(workers.map((w) => w.exited));
    }
  }, 120_000);

  it("a worker killed mid-send: another sends the email once after the lease runs out", async () => {
    const { merchants, rows } = await stalledMerchants(1);
    const address = merchants[0]!.contactEmail;
    ackDelay = 4000;
    const before = inbox.receiving();
    const first = spawnWorker(WORKER_ENV);
    await enqueueDueEmails({ ids: rows.map((r) => r.id) });
    await waitFor(async () => inbox.receiving() > before, "the first worker to be mid-send", 30_000);
    first.child.kill("SIGKILL");
    await first.exited;
    ackDelay = 0;
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(received(address)).toBe(0);

    const second = spawnWorker(WORKER_ENV);
    // What the reminder tick does every minute: re-enqueue emails whose claim expired.
    await waitFor(
      async () => {
        await enqueueDueEmails({ limit: 100 });
        return received(address) >= 1;
      },
      "the email to be sent by the second worker",
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received(address)).toBe(1);
    const [row] = await db
      .select()
      .from(outboxEmails)
      .where(inArray(outboxEmails.id, [rows[0]!.id]));
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    expect(inbox.messages.find((m) => JSON.stringify(m.to).includes(address))?.messageId).toBe(
      `<${rows[0]!.id}@outbox.actenzo>`,
    );
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 90_000);
});
