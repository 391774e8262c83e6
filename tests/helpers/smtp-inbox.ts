import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/env";

/** A real SMTP server on loopback that keeps what it receives, for tests that send mail. */
export async function startSmtpInbox(options: { ackDelayMs?: () => number } = {}) {
  const messages: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const closed = new Set<string>();
  // Messages whose DATA began (a sender is mid-send), for tests that kill a sender then.
  let receiving = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      receiving++;
      simpleParser(stream)
        .then(async (mail) => {
          const delay = options.ackDelayMs?.() ?? 0;
          if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
          // Like a real server: a message is accepted only when the 250 reply reaches the sender.
          if (closed.has(session.id)) return;
          messages.push(mail);
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch(callback);
    },
  });
  // A sender killed mid-conversation resets its socket; that is the test's doing, not a failure.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    receiving: () => receiving,
    /** Resolves with the first message matching `predicate`, waiting up to `timeoutMs`. */
    async waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs = 5000): Promise<ParsedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No matching mail within ${timeoutMs} ms (got ${messages.length})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpInbox = Awaited<ReturnType<typeof startSmtpInbox>>;

/**
 * For a test file that sends mail: starts an inbox before its tests, points SMTP_URL (and any
 * `env` given) at it, and closes it afterwards. Use the returned inbox inside tests only.
 */
export function smtpInboxForFile(env: Record<string, string> = {}): Pick<SmtpInbox, "url" | "messages" | "waitFor"> {
  let inbox: SmtpInbox | undefined;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    Object.assign(process.env, { SMTP_URL: inbox.url, ...env });
    resetEnvCache();
  });
  afterAll(() => inbox?.close());
  const current = () => {
    if (!inbox) throw new Error("smtpInboxForFile: the inbox starts in beforeAll; use it inside a test");
    return inbox;
  };
  return {
    get url() {
      return current().url;
    },
    get messages() {
      return current().messages;
    },
    waitFor: (predicate, timeoutMs) => current().waitFor(predicate, timeoutMs),
  };
}
