import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { intakeMessages, merchantEvents } from "@/db/schema";
import { intakeConfig } from "@/lib/intake/intake-config";
import { claimMessages } from "@/lib/intake/claim-message";
import { pollMailbox } from "@/lib/intake/poll-mailbox";
import { processMessage } from "@/lib/intake/process-message";
import { closeQueues } from "@/lib/jobs/queues";
import { createMerchant } from "@/tests/factories/merchant";
import { killWorkersAfterAll, spawnWorker } from "@/tests/helpers/spawn-worker";
import { waitFor } from "@/tests/helpers/jobs";
import { deliver, folderSubjects, imapClient, withDovecot, type TestMail } from "./helpers";

const INTAKE_TIMING = { INTAKE_STALE_CLAIM_MS: "5000", INTAKE_POLL_EVERY_MS: "1000" };
const dovecot = withDovecot(INTAKE_TIMING);
killWorkersAfterAll();

/** `n` merchants, each emailing its API key once. */
async function keyMails(n: number) {
  const merchants = await Promise.all(Array.from({ length: n }, () => createMerchant()));
  const mails: TestMail[] = merchants.map((m) => ({
    from: m.contactEmail,
    subject: `API key ${m.id}`,
    text: `API key: ${randomBytes(16).toString("hex")}`,
  }));
  return { ids: merchants.map((m) => m.id), mails };
}

async function recordedPerMerchant(ids: string[]) {
  const rows = await db
    .select({ merchantId: merchantEvents.merchantId, n: sql<number>`count(*)::int` })
    .from(merchantEvents)
    .where(and(inArray(merchantEvents.merchantId, ids), eq(merchantEvents.type, "credential_recorded")))
    .groupBy(merchantEvents.merchantId);
  return rows;
}

describe("each message is processed once", () => {
  it("two polls at the same moment split the inbox between them; nothing is recorded twice", async () => {
    const { ids, mails } = await keyMails(30);
    await deliver(dovecot.server, mails);
    const [a, b] = await Promise.all([pollMailbox(), pollMailbox()]);
    expect(a.processed + b.processed).toBe(30);
    const counts = await recordedPerMerchant(ids);
    expect(counts).toHaveLength(30);
    expect(counts.every((c) => c.n === 1)).toBe(true);
    expect(await folderSubjects(dovecot.server, "INBOX")).toEqual([]);
  });

  it("a claim left by a dead worker, and a message recorded but never moved, are finished by a later poll", async () => {
    const { ids, mails } = await keyMails(2);
    await deliver(dovecot.server, mails);
    const config = intakeConfig()!;
    const client = await imapClient(dovecot.server);
    const lock = await client.getMailboxLock("INBOX");
    const uidValidity = Number(client.mailbox && client.mailbox.uidValidity);
    const uids = (await client.search({ all: true }, { uid: true })) || [];
    const sources = new Map<number, Buffer>();
    for await (const m of client.fetch(uids, { uid: true, source: true }, { uid: true })) sources.set(m.uid, m.source!);
    lock.release();
    await client.logout();
    const slot = { mailbox: config.mailboxKey, uidValidity };
    // Worker 1 claimed both, recorded the first and died before moving it; it never read the second.
    const claimed = await claimMessages(slot, uids);
    expect(claimed).toHaveLength(2);
    await processMessage(claimed[0]!.id, claimed[0]!.uid, sources.get(claimed[0]!.uid)!);
    const past = new Date(Date.now() - 60_000);
    await db
      .update(intakeMessages)
      .set({ claimedAt: past, processedAt: past })
      .where(inArray(intakeMessages.uid, uids));
    expect(await claimMessages(slot, uids)).toHaveLength(1); // only the stale claim is taken over
    await db.update(intakeMessages).set({ claimedAt: past }).where(inArray(intakeMessages.uid, uids));

    await pollMailbox();
    const counts = await recordedPerMerchant(ids);
    expect(counts).toHaveLength(2);
    expect(counts.every((c) => c.n === 1)).toBe(true);
    expect(await folderSubjects(dovecot.server, "INBOX")).toEqual([]);
    expect((await pollMailbox()).processed).toBe(0);
  });

  it("two worker processes, one killed mid-way and a third started: every message once", async () => {
    await closeQueues();
    const { ids, mails } = await keyMails(60);
    await deliver(dovecot.server, mails);
    // The mailbox is injected into this process only (overrideEnv); a spawned worker is told it.
    const env = { WORKER_SCHEDULERS: "on", LOG_LEVEL: "warn", INTAKE_IMAP_URL: dovecot.server.url, ...INTAKE_TIMING };
    const a = spawnWorker(env);
    const b = spawnWorker(env);
    // Two cold tsx processes start slowly on a busy machine.
    await waitFor(
      async () => (await recordedPerMerchant(ids)).length >= 5,
      "the workers to start on the inbox",
      90_000,
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}\n--- worker a\n${a.output().slice(-2000)}\n--- worker b\n${b.output().slice(-2000)}`,
      );
    });
    a.child.kill("SIGKILL");
    await a.exited;
    spawnWorker(env);
    await waitFor(async () => (await recordedPerMerchant(ids)).length === 60, "all 60 messages", 45_000);
    await waitFor(async () => (await folderSubjects(dovecot.server, "INBOX")).length === 0, "an empty inbox", 30_000);
    const counts = await recordedPerMerchant(ids);
    expect(counts.filter((c) => c.n !== 1)).toEqual([]);
    const rows = await db.select().from(intakeMessages).where(inArray(intakeMessages.merchantId, ids));
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.uid)).size).toBe(60);
  }, 200_000);
});
