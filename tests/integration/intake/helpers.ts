import { afterAll, beforeAll } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { startDovecot, type Dovecot } from "@/tests/helpers/dovecot";
import { imapClient } from "@/tests/helpers/dovecot-mail";
import { createMerchant } from "@/tests/factories/merchant";
import { ONBOARDED } from "@/tests/factories/merchant";
import { EU_SHOP } from "@/tests/helpers/simulator";

/** One throwaway Dovecot per test file; INTAKE_IMAP_URL points at it. */
export function withDovecot(env: Record<string, string> = {}) {
  const state = {} as { server: Dovecot; restoreEnv?: () => void };
  beforeAll(async () => {
    state.server = await startDovecot();
    state.restoreEnv = overrideEnv({
      INTAKE_IMAP_URL: state.server.url,
      INTAKE_REPLY_ADDRESS: "admin.access@actenzo.test",
      ...env,
    });
  });
  afterAll(async () => {
    state.restoreEnv?.();
    await state.server?.stop();
  });
  return {
    get server() {
      return state.server;
    },
  };
}

export { deliver, imapClient, rawMail, type TestMail } from "@/tests/helpers/dovecot-mail";

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
