import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll } from "vitest";
import { overrideEnv } from "@/lib/env";
import { startSmtpSink } from "./smtp-sink";

/** The SMTP sink (smtp-sink.ts) keeping what it receives in memory, for tests that send mail. */
export async function startSmtpInbox(options: { ackDelayMs?: () => number } = {}) {
  const messages: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const sink = await startSmtpSink({
    ...options,
    onMail: ({ mail }) => {
      messages.push(mail);
      waiters.splice(0).forEach((wake) => wake());
    },
  });
  return {
    url: sink.url,
    messages,
    receiving: sink.receiving,
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
    close: sink.close,
  };
}

export type SmtpInbox = Awaited<ReturnType<typeof startSmtpInbox>>;

/**
 * For a test file that sends mail: starts an inbox before its tests, points SMTP_URL (and any
 * `env` given) at it through `overrideEnv` (not process.env), and closes it afterwards. Use the
 * returned inbox inside tests only.
 */
export function smtpInboxForFile(env: Record<string, string> = {}): Pick<SmtpInbox, "url" | "messages" | "waitFor"> {
  let inbox: SmtpInbox | undefined;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    restoreEnv = overrideEnv({ SMTP_URL: inbox.url, ...env });
  });
  afterAll(async () => {
    restoreEnv?.();
    await inbox?.close();
  });
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
