import type { ImapFlow } from "imapflow";
import { and, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { authorize, systemActor } from "@/lib/auth/actor";
import { createLogger } from "@/lib/logger";
import { claimMessage, staleClaimMs } from "./claim-message";
import { intakeConfig, type IntakeConfig } from "./intake-config";
import { openIntakeConnection } from "./imap-connection";
import { processMessage, type Disposition } from "./process-message";
import { recordRemoval } from "./record-removal";

const log = createLogger("intake");
const CHUNK = 200;

export type PollResult = { enabled: boolean; seen: number; processed: number; failed: number; tidied: number };

/**
 * The intake tick: reads every message in the inbox that no worker has claimed, records what it
 * holds, then takes it out of the inbox (key-only and replies to "processed"; anything holding a
 * secret deleted or replaced by a redacted copy). Safe to run on several workers at once and
 * after a crash: claims live in PostgreSQL, and a message whose row is done but which is still in
 * the inbox (a crash before the move) is moved on a later tick.
 */
export async function pollMailbox(config: IntakeConfig | null = intakeConfig()): Promise<PollResult> {
  authorize(systemActor("mailbox-intake"), "credentials:record");
  const result: PollResult = { enabled: !!config, seen: 0, processed: 0, failed: 0, tidied: 0 };
  if (!config) return result;
  const client = await openIntakeConnection(config);
  try {
    const lock = await client.getMailboxLock(config.folders.inbox);
    try {
      const mailbox = client.mailbox;
      if (!mailbox) return result;
      const uidValidity = Number(mailbox.uidValidity);
      const uids = (await client.search({ all: true }, { uid: true })) || [];
      result.seen = uids.length;
      for (let i = 0; i < uids.length; i += CHUNK) {
        const chunk = uids.slice(i, i + CHUNK);
        const slot = { mailbox: config.mailboxKey, uidValidity };
        result.tidied += await tidyLeftovers(client, config, uidValidity, chunk);
        const claimed: { id: string; uid: number }[] = [];
        for (const uid of chunk) {
          const id = await claimMessage({ ...slot, uid });
          if (id) claimed.push({ id, uid });
        }
        if (!claimed.length) continue;
        const sources = new Map<number, Buffer>();
        // No other command may run while a FETCH streams: collect first, then process.
        for await (const message of client.fetch(
          claimed.map((c) => c.uid),
          { uid: true, source: true },
          { uid: true },
        ))
          if (message.source) sources.set(message.uid, message.source);
        const done: Disposition[] = [];
        for (const { id, uid } of claimed) {
          const source = sources.get(uid);
          if (!source) continue;
          try {
            done.push(await processMessage(id, uid, source));
          } catch (error) {
            // The claim stays; after staleClaimMs() another tick tries again. No message content logged.
            result.failed += 1;
            log.error("intake message failed", { intakeMessageId: id, uid, error: (error as Error).message });
          }
        }
        await takeOutOfInbox(client, config, done);
        result.processed += done.length;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  if (result.processed || result.failed) log.info("intake poll", { ...result });
  return result;
}

/** Moves or removes handled messages: one MOVE for the plain ones, one delete for the secret ones. */
async function takeOutOfInbox(client: ImapFlow, config: IntakeConfig, done: Disposition[]) {
  const plain = done.filter((d) => !d.holdsSecret);
  const secret = done.filter((d) => d.holdsSecret);
  const merchantOf = await merchantIds(done.map((d) => d.id));
  if (plain.length) {
    await client.messageMove(
      plain.map((d) => d.uid),
      config.folders.processed,
      { uid: true },
    );
    await recordRemoval(
      plain.map((d) => ({ id: d.id, merchantId: merchantOf.get(d.id) ?? null })),
      "processed",
      config.folders.processed,
    );
  }
  if (secret.length) {
    const redact = config.secretRemoval === "redact";
    if (redact) for (const d of secret) await client.append(config.folders.removed, d.redactedCopy, ["\\Seen"]);
    await client.messageDelete(
      secret.map((d) => d.uid),
      { uid: true },
    );
    await recordRemoval(
      secret.map((d) => ({ id: d.id, merchantId: merchantOf.get(d.id) ?? null })),
      redact ? "redacted" : "removed",
      redact ? config.folders.removed : null,
    );
  }
}

async function merchantIds(ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: intakeMessages.id, merchantId: intakeMessages.merchantId })
    .from(intakeMessages)
    .where(inArray(intakeMessages.id, ids));
  return new Map(rows.filter((r) => r.merchantId).map((r) => [r.id, r.merchantId!]));
}

/**
 * Messages handled in PostgreSQL whose move never happened (the worker died in between): still in
 * the inbox, done for a while. Secret ones are deleted (no redacted copy: we no longer have it
 * parsed, and deleting is the safe side); the rest are moved to "processed".
 */
async function tidyLeftovers(client: ImapFlow, config: IntakeConfig, uidValidity: number, uids: number[]) {
  const rows = await db
    .select({
      id: intakeMessages.id,
      uid: intakeMessages.uid,
      merchantId: intakeMessages.merchantId,
      outcome: intakeMessages.outcome,
    })
    .from(intakeMessages)
    .where(
      and(
        eq(intakeMessages.mailbox, config.mailboxKey),
        eq(intakeMessages.uidValidity, uidValidity),
        inArray(intakeMessages.uid, uids),
        ne(intakeMessages.status, "claimed"),
        isNull(intakeMessages.removal),
        lt(intakeMessages.processedAt, new Date(Date.now() - staleClaimMs())),
      ),
    );
  if (!rows.length) return 0;
  const secret = rows.filter((r) => r.outcome?.holdsSecret);
  const plain = rows.filter((r) => !r.outcome?.holdsSecret);
  if (plain.length) {
    await client.messageMove(
      plain.map((r) => r.uid),
      config.folders.processed,
      { uid: true },
    );
    await recordRemoval(plain, "processed", config.folders.processed);
  }
  if (secret.length) {
    await client.messageDelete(
      secret.map((r) => r.uid),
      { uid: true },
    );
    await recordRemoval(secret, "removed", null);
  }
  return rows.length;
}
