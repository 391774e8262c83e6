import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { DOVECOT_BINARY, dovecotInstalled, startDovecot, type Dovecot } from "@/tests/helpers/dovecot";
import { deliver, type TestMail } from "@/tests/helpers/dovecot-mail";
import { demoCredentials } from "./demo-keys";

/**
 * `npm run demo`'s access mailbox: a throwaway local Dovecot (Debian's dovecot-imapd) on
 * loopback with a few merchant emails in it, so the worker's intake tick shows its work: a key
 * from a merchant who owes it, a secret from a merchant who sent the key already (its pair then
 * verifies against the simulator) and a mail from an unknown sender (it waits on /intake).
 * Without Dovecot the intake is off and the demo says why.
 */
export type DemoIntake = { server: Dovecot; seeded: string[] } | { server: null; reason: string };

async function merchantAt(stage: "key_received" | "secret_received") {
  const [row] = await db
    .select({ id: merchants.id, shopDomain: merchants.shopDomain, contactEmail: merchants.contactEmail })
    .from(merchants)
    .where(and(eq(merchants.currentStage, stage), isNull(merchants.cancelledAt), eq(merchants.onHold, false)))
    .limit(1);
  return row;
}

export async function startDemoIntake(): Promise<DemoIntake> {
  if (!dovecotInstalled())
    return {
      server: null,
      reason: `${DOVECOT_BINARY} is not installed (apt-get install dovecot-imapd); the mailbox intake is off`,
    };
  const server = await startDovecot({ user: "access" });
  Object.assign(process.env, {
    INTAKE_IMAP_URL: server.url,
    INTAKE_REPLY_ADDRESS: process.env.INTAKE_REPLY_ADDRESS || "admin.access@actenzo.test",
    INTAKE_POLL_EVERY_MS: process.env.INTAKE_POLL_EVERY_MS || "10000",
  });
  const mails: TestMail[] = [];
  const owesKey = await merchantAt("key_received");
  if (owesKey)
    mails.push({
      from: owesKey.contactEmail,
      subject: "Onze API-sleutel",
      text: `Hallo Actenzo,\n\nHierbij onze API-sleutel: ${demoCredentials(owesKey.shopDomain).key}\n\nMet vriendelijke groet`,
    });
  const owesSecret = await merchantAt("secret_received");
  if (owesSecret)
    mails.push({
      from: owesSecret.contactEmail,
      subject: "Re: API secret",
      text: `Hi,\n\nHere is the API secret:\n${demoCredentials(owesSecret.shopDomain).secret}\n\nKind regards`,
    });
  mails.push({
    from: "Jonas Weber <jonas.weber@webmail.example>",
    subject: "Zugangsdaten für unseren Shop",
    text: `Hallo,\n\nhier ist der API-Schlüssel für unseren Shop: ${demoCredentials("unknown.example").key}\n\nGruß Jonas`,
  });
  await deliver(server, mails);
  return { server, seeded: mails.map((m) => `${m.subject} (from ${m.from})`) };
}
