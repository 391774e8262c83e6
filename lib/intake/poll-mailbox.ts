import type { ImapFlow } from "imapflow";
import { and, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { authorize, systemActor } from "@/lib/auth/actor";
import { createLogger } from "@/lib/logger";
import { claimMessages, renewClaim, staleClaimMs, type Claim } from "./claim-message";
import { intakeConfig, type IntakeConfig } from "./intake-config";
import { openIntakeConnection } from "./imap-connection";
import { parseMessage, type ParsedIntakeMail } from "./parse-message";
import { processMessage, type Disposition } from "./process-message";
import { recordRemoval } from "./record-removal";

const log = createLogger("intake");
/** Claimed, fetched and handled together: small, so a claim never goes stale while its worker is busy. */
const CHUNK = 100;

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
        const claimed = await claimMessages(slot, chunk);
        if (!claimed.length) continue;
        const sources = new Map<number, Buffer>();
        // No other command may run while a FETCH streams: collect first, then process.
        for await (const message of client.fetch(
          claimed.map((c) => c.uid),
          { uid: true, source: true },
          { uid: true },
        ))
          if (message.source) sources.set(message.uid, message.source);
        const done = await processChunk(claimed, sources, result);
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

/** Messages handled at once (different senders); one sender's messages stay in mailbox order. */
const PARALLEL_SENDERS = 8;

/**
 * Parses a chunk, then handles it sender by sender: a merchant's key and secret mails in one
 * chunk run one after the other (the second sees what the first recorded), while different
 * senders run side by side. A failure leaves that message's claim to go stale and be retried.
 */
async function processChunk(
  claimed: Claim[],
  sources: Map<number, Buffer>,
  result: PollResult,
): Promise<Disposition[]> {
  const bySender = new Map<string, { claim: Claim; source: Buffer; mail: ParsedIntakeMail }[]>();
  for (const claim of claimed) {
    const source = sources.get(claim.uid);
    if (!source) continue;
    const mail = await parseMessage(source);
    const key = mail.from ?? `unknown:${claim.uid}`;
    bySender.set(key, [...(bySender.get(key) ?? []), { claim, source, mail }]);
  }
  const groups = [...bySender.values()];
  const done: Disposition[] = [];
  const run = async () => {
    for (let group = groups.shift(); group; group = groups.shift())
      for (const { claim, source, mail } of group) {
        const { id, uid } = claim;
        try {
          // Another worker took a claim we held too long: it is theirs now.
          if (!(await renewClaim(claim))) continue;
          done.push(await processMessage(id, uid, source, mail));
        } catch (error) {
          // The claim stays; once stale another tick tries again. No message content is logged.
          result.failed += 1;
          log.error("intake message failed", { intakeMessageId: id, uid, error: (error as Error).message });
        }
      }
  };
  await Promise.all(Array.from({ length: PARALLEL_SENDERS }, run));
  return done;
}

/** Moves or removes handled messages: one MOVE for the plain ones, one delete for the secret ones. */
async function takeOutOfInbox(client: ImapFlow, config: IntakeConfig, done: Disposition[]) {
  const plain = done.filter((d) => !d.holdsSecret);
  const secret = done.filter((d) => d.holdsSecret);
  const merchantOf = await merchantIds(done.map((d) => d.id));
  // imapflow answers false instead of throwing: then the row stays "not removed" and a later tick tidies it.
  if (plain.length) {
    const moved = await client.messageMove(
      plain.map((d) => d.uid),
      config.folders.processed,
      { uid: true },
    );
    if (moved)
      await recordRemoval(
        plain.map((d) => ({ id: d.id, merchantId: merchantOf.get(d.id) ?? null })),
        "processed",
        config.folders.processed,
      );
  }
  if (secret.length) {
    const redact = config.secretRemoval === "redact";
    if (redact) for (const d of secret) await client.append(config.folders.removed, d.redactedCopy, ["\\Seen"]);
    const deleted = await client.messageDelete(
      secret.map((d) => d.uid),
      { uid: true },
    );
    if (deleted)
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
    const moved = await client.messageMove(
      plain.map((r) => r.uid),
      config.folders.processed,
      { uid: true },
    );
    if (moved) await recordRemoval(plain, "processed", config.folders.processed);
  }
  if (secret.length) {
    const deleted = await client.messageDelete(
      secret.map((r) => r.uid),
      { uid: true },
    );
    if (deleted) await recordRemoval(secret, "removed", null);
  }
  return rows.length;
}
