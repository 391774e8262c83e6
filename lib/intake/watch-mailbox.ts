import type { ImapFlow } from "imapflow";
import { createLogger } from "@/lib/logger";
import { intakeClient } from "./imap-connection";
import type { IntakeConfig } from "./intake-config";
import { requestPoll } from "./request-poll";

const log = createLogger("intake-idle");

/** New mail arriving in a burst is answered by one poll: the wake waits this long for the rest. */
const SETTLE_MS = 250;
const BACKOFF_MS = { first: 1_000, max: 60_000 };

export type MailboxWatcher = {
  /** Settles once the first session idles on the inbox (mail from then on is seen as it arrives). */
  ready: Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Keeps an IMAP connection IDLE on the access mailbox (read-only) while the worker runs, and asks
 * for an `intake-poll` as soon as the server reports new mail, and once on every (re)connect for
 * what arrived while it was away. It only wakes the poll: the claims in PostgreSQL still decide
 * who handles a message, and the periodic tick still runs, so a lost connection or a missed
 * notification only delays mail until that tick. A server without IDLE is left to the tick.
 * Reconnects with backoff (1 s doubling to a minute); stop() logs out and ends the loop.
 */
export function watchMailbox(config: IntakeConfig, options: { onNewMail?: typeof requestPoll } = {}): MailboxWatcher {
  const onNewMail = options.onNewMail ?? requestPoll;
  let stopped = false;
  let client: ImapFlow | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const retry = () => {
    if (stopped) return;
    const delay = Math.min(BACKOFF_MS.first * 2 ** failures, BACKOFF_MS.max);
    failures += 1;
    retryTimer = setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    const session = intakeClient(config, { idle: true });
    client = session;
    let settling: NodeJS.Timeout | undefined;
    const wake = async () => {
      settling = undefined;
      if (stopped || !session.usable) return;
      const uidValidity = Number(session.mailbox ? session.mailbox.uidValidity : 0);
      const newest = await session.fetchOne("*", { uid: true }).catch(() => false as const);
      if (newest && (await onNewMail(config, { uidValidity, uid: newest.uid })))
        log.info("new mail: poll requested", { uid: newest.uid });
    };
    const scheduleWake = () => {
      settling ??= setTimeout(() => void wake().catch((error) => log.warn("wake failed", { error })), SETTLE_MS);
    };
    session.on("exists", (data: { count: number; prevCount: number }) => {
      if (data.count > data.prevCount) scheduleWake();
    });
    // Once per session, whether the socket closed or connecting failed.
    const lost = () => {
      clearTimeout(settling);
      if (client !== session) return;
      client = null;
      if (!stopped) retry();
    };
    session.on("close", () => {
      if (client === session && !stopped) log.warn("IDLE connection closed; reconnecting");
      lost();
    });
    try {
      await session.connect();
      if (!session.capabilities.has("IDLE")) {
        // No IDLE: the periodic tick is all there is; no reconnect loop either.
        stopped = true;
        log.info("the IMAP server does not offer IDLE; the intake polls only");
        await session.logout().catch(() => session.close());
        return;
      }
      const mailbox = await session.mailboxOpen(config.folders.inbox, { readOnly: true });
      failures = 0;
      log.info("idling on the access mailbox", { exists: mailbox.exists });
      markReady();
      if (mailbox.exists > 0) scheduleWake();
    } catch (error) {
      log.warn("IDLE connection failed; retrying", { error: (error as Error).message });
      // A failed connect may not emit close: make sure the socket is gone, then try again.
      session.close();
      lost();
    }
  };

  void connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      clearTimeout(retryTimer);
      const open = client;
      client = null;
      if (open) await open.logout().catch(() => open.close());
    },
  };
}
