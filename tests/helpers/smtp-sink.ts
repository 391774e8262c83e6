import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { mail: ParsedMail; raw: Buffer; rcptTo: string[] };

export type SmtpSink = { url: string; port: number; close(): Promise<void> };

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
}): Promise<SmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    ...(options.size ? { size: options.size } : {}),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        simpleParser(raw)
          .then((mail) => options.onMail({ mail, raw, rcptTo }))
          .then(() => callback())
          .catch((error: Error) => callback(error));
      });
    },
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
