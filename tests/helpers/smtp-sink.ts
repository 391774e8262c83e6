import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { mail: ParsedMail; raw: Buffer; rcptTo: string[] };

export type SmtpSink = { url: string; port: number; receiving(): number; close(): Promise<void> };

/**
 * The one SMTP sink: a real SMTP server on loopback that accepts every message, parses it and
 * hands it to `onMail` (the message is accepted once `onMail` settles). Used by the integration
 * tests' inbox (tests/helpers/smtp-inbox.ts), the browser tests' mail catcher
 * (tests/e2e/global-setup.ts) and the demo's mail sink (scripts/dev-mail-sink.ts).
 */
export async function startSmtpSink(options: {
  onMail: (received: ReceivedMail) => void | Promise<void>;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Largest message accepted, in bytes. */
  size?: number;
  /** Milliseconds to wait before answering 250 (a slow server, so a test can kill a sender mid-send). */
  ackDelayMs?: () => number;
}): Promise<SmtpSink> {
  const closed = new Set<string>();
  // Messages whose DATA began (a sender is mid-send), for tests that kill a sender then.
  let receiving = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    ...(options.size ? { size: options.size } : {}),
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      receiving++;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        simpleParser(raw)
          .then(async (mail) => {
            const delay = options.ackDelayMs?.() ?? 0;
            if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
            // Like a real server: a message is accepted only when the 250 reply reaches the sender.
            if (!closed.has(session.id)) await options.onMail({ mail, raw, rcptTo });
          })
          .then(() => callback())
          .catch((error: Error) => callback(error));
      });
    },
  });
  // A sender killed mid-conversation resets its socket; that is the test's doing, not a failure.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") throw error;
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${port}`,
    port,
    receiving: () => receiving,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
