import { ImapFlow } from "imapflow";
import type { Dovecot } from "./dovecot";

/** Mail as a merchant would send it to the access mailbox, for tests, the bench and the demo. */
export type TestMail = { from: string; to?: string; subject: string; text?: string; html?: string; date?: Date };

export function rawMail(mail: TestMail): string {
  const id = `<${Math.random().toString(36).slice(2)}@merchant.test>`;
  const body = mail.html ?? mail.text ?? "";
  return [
    `From: ${mail.from}`,
    `To: ${mail.to ?? "Actenzo <admin.access@actenzo.test>"}`,
    `Subject: ${mail.subject}`,
    `Date: ${(mail.date ?? new Date(Date.now() - 60_000)).toUTCString()}`,
    `Message-ID: ${id}`,
    "MIME-Version: 1.0",
    `Content-Type: ${mail.html ? "text/html" : "text/plain"}; charset=utf-8`,
    "Content-Transfer-Encoding: 8bit",
    "",
    body,
    "",
  ].join("\r\n");
}

export async function imapClient(server: Pick<Dovecot, "host" | "port" | "user" | "password">) {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
  });
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** Puts messages in the inbox with IMAP APPEND, as the mail server would deliver them. */
export async function deliver(server: Pick<Dovecot, "host" | "port" | "user" | "password">, mails: TestMail[]) {
  const client = await imapClient(server);
  try {
    for (const mail of mails) await client.append("INBOX", rawMail(mail));
  } finally {
    await client.logout();
  }
}
