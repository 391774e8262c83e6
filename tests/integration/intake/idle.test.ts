import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { merchantEvents } from "@/db/schema";
import { intakeConfig } from "@/lib/intake/intake-config";
import { requestPoll } from "@/lib/intake/request-poll";
import { watchMailbox, type MailboxWatcher } from "@/lib/intake/watch-mailbox";
import { getQueue } from "@/lib/jobs/queues";
import { createMerchant } from "@/tests/factories/merchant";
import { waitFor, withWorkers } from "@/tests/helpers/jobs";
import { killWorkersAfterAll, spawnWorker } from "@/tests/helpers/spawn-worker";
import { deliver, folderSubjects, withDovecot } from "./helpers";

const dovecot = withDovecot();
// The scheduler queue's worker runs the intake-poll jobs; no tick is registered in this process.
withWorkers(["scheduler"]);
killWorkersAfterAll();
const watchers: MailboxWatcher[] = [];
afterAll(async () => {
  await Promise.all(watchers.map((w) => w.stop()));
});

async function keyMail() {
  const merchant = await createMerchant();
  const subject = `API key ${randomBytes(3).toString("hex")}`;
  return {
    merchant,
    mail: { from: merchant.contactEmail, subject, text: `API key: ${randomBytes(16).toString("hex")}` },
  };
}

const keyRecorded = async (merchantId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(merchantEvents)
      .where(and(eq(merchantEvents.merchantId, merchantId), eq(merchantEvents.type, "credential_recorded")))
  )[0]!.n;

const idlePolls = async () =>
  (await getQueue("scheduler").getJobs(["waiting", "active", "completed", "failed", "delayed"])).filter((j) =>
    j.id?.startsWith("intake-poll.idle."),
  );

describe("IDLE on the access mailbox", () => {
  it("new mail wakes one poll, though two workers watch, with no periodic tick at all", async () => {
    const config = intakeConfig()!;
    let wakes = 0;
    const counted: typeof requestPoll = async (...args) => {
      wakes += 1;
      return requestPoll(...args);
    };
    watchers.push(watchMailbox(config, { onNewMail: counted }), watchMailbox(config, { onNewMail: counted }));
    // Both watchers idle before the mail arrives, so each sees it arrive (a watcher connecting
    // after the poll moved it would rightly find nothing to report).
    await Promise.all(watchers.map((w) => w.ready));
    const { merchant, mail } = await keyMail();
    await deliver(dovecot.server, [mail]);

    await waitFor(async () => (await keyRecorded(merchant.id)) === 1, "the key recorded through the IDLE wake-up");
    await waitFor(async () => wakes === 2, "both watchers to report the new mail");
    const polls = await idlePolls();
    // One job for the newest UID, however many watchers saw it.
    expect(polls).toHaveLength(1);
    expect(await folderSubjects(dovecot.server, "INBOX")).not.toContain(mail.subject);
    expect(await keyRecorded(merchant.id)).toBe(1);

    await Promise.all(watchers.splice(0).map((w) => w.stop()));
  });

  it("a worker process with a ten-minute tick handles mail appended while it IDLEs, and stops cleanly", async () => {
    const worker = spawnWorker({
      WORKER_SCHEDULERS: "on",
      LOG_LEVEL: "info",
      INTAKE_IMAP_URL: dovecot.server.url,
      INTAKE_POLL_EVERY_MS: String(10 * 60_000),
    });
    await waitFor(
      async () => worker.output().includes("idling on the access mailbox"),
      "the worker to IDLE on the mailbox",
      90_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${worker.output().slice(-3000)}`);
    });
    const before = (await idlePolls()).length;
    const { merchant, mail } = await keyMail();
    await deliver(dovecot.server, [mail]);

    // Well before the next tick (ten minutes away): a generous bound for a loaded machine.
    await waitFor(async () => (await keyRecorded(merchant.id)) === 1, "the key recorded while IDLE", 15_000).catch(
      (error: Error) => {
        throw new Error(`${error.message}\n${worker.output().slice(-3000)}`);
      },
    );
    expect((await idlePolls()).length).toBeGreaterThan(before);

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain("shutdown complete");
  }, 150_000);
});
