import { ImapFlow } from "imapflow";
import { afterAll, beforeAll } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { startDovecot, type Dovecot } from "@/tests/helpers/dovecot";
import { createMerchant } from "@/tests/factories/merchant";
import { ONBOARDED } from "../verification/helpers";
import { EU_SHOP } from "../verification/simulator";

/** One throwaway Dovecot per test file; INTAKE_IMAP_URL points at it. */
export function withDovecot(env: Record<string, string> = {}) {
  const state = {} as { server: Dovecot };
  beforeAll(async () => {
    state.server = await startDovecot();
    Object.assign(process.env, {
      INTAKE_IMAP_URL: state.server.url,
      INTAKE_REPLY_ADDRESS: "admin.access@actenzo.test",
      ...env,
    });
    resetEnvCache();
  });
  afterAll(async () => {
    delete process.env.INTAKE_IMAP_URL;
    resetEnvCache();
    await state.server?.stop();
  });
  return {
    get server() {
      return state.server;
    },
  };
}

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

export async function imapClient(server: Dovecot) {
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
export async function deliver(server: Dovecot, mails: TestMail[]) {
  const client = await imapClient(server);
  try {
    for (const mail of mails) await client.append("INBOX", rawMail(mail));
  } finally {
    await client.logout();
  }
}

/** The subjects of the messages in a folder (empty when the folder does not exist). */
export async function folderSubjects(server: Dovecot, folder: string): Promise<string[]> {
  const client = await imapClient(server);
  try {
    const exists = (await client.list()).some((m) => m.path === folder);
    if (!exists) return [];
    const lock = await client.getMailboxLock(folder);
    try {
      const subjects: string[] = [];
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      for await (const m of client.fetch("1:*", { envelope: true })) subjects.push(m.envelope?.subject ?? "");
      return subjects;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

/** A merchant through the first guide steps whose shop the simulator knows (as the verification tests). */
export async function onboardedMerchant() {
  const merchant = await createMerchant({ language: "nl", cluster: "eu1" }, { completed: ONBOARDED });
  await db
    .update(merchants)
    .set({ lightspeedAccountId: EU_SHOP.id, lightspeedShopDomain: EU_SHOP.mainDomain })
    .where(eq(merchants.id, merchant.id));
  return merchant;
}
