import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { applyMailToMerchant } from "./apply-mail";
import { extractTokens } from "./extract-tokens";
import { matchSender } from "./match-sender";
import { parseMessage, type ParsedIntakeMail } from "./parse-message";
import { redactedPreview, redactTokens } from "./redact";
import { sealTokens } from "./sealed-tokens";

/** What the poll must do with the message in the mailbox once the database has it. */
export type Disposition = { id: string; uid: number; holdsSecret: boolean; redactedCopy: string };

const INTAKE = systemActor("mailbox-intake");

/** A plain-text copy without any token, for INTAKE_SECRET_REMOVAL=redact. */
function redactedCopy(mail: ParsedIntakeMail, source: string): string {
  const header = (name: string) => new RegExp(`^${name}:.*(\\r?\\n[ \\t].*)*`, "im").exec(source)?.[0];
  const kept = ["From", "To", "Cc", "Date", "Message-ID", "In-Reply-To", "References"]
    .map(header)
    .filter((h): h is string => !!h);
  return [
    ...kept,
    `Subject: ${redactTokens(mail.subject).replace(/[\r\n]+/g, " ")}`,
    "X-Actenzo-Redacted: tokens removed by the onboarding console",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    redactTokens(mail.text),
    "",
  ].join("\r\n");
}

/**
 * One claimed message: parse, match the sender, extract tokens, and either apply it to its
 * merchant or put it in triage (tokens sealed, body redacted). The row says what was done; the
 * caller moves or removes the message afterwards (a crash in between is redone from the row).
 */
export async function processMessage(
  id: string,
  uid: number,
  source: Buffer,
  parsed?: ParsedIntakeMail,
): Promise<Disposition> {
  const mail = parsed ?? (await parseMessage(source));
  const tokens = extractTokens(mail.text, mail.subject);
  const match = await matchSender(mail);
  const common = {
    messageId: mail.messageId,
    fromAddress: mail.from,
    fromName: mail.fromName,
    subject: redactTokens(mail.subject),
    sentAt: mail.date,
    processedAt: new Date(),
  };
  const raw = source.toString("utf8");
  if (match.merchantId !== null) {
    const applied = await applyMailToMerchant(INTAKE, {
      merchantId: match.merchantId,
      tokens,
      from: mail.from,
      receivedAt: mail.date,
      intakeMessageId: id,
    });
    await db
      .update(intakeMessages)
      .set({
        ...common,
        status: "processed",
        merchantId: match.merchantId,
        matchedBy: match.matchedBy,
        outcome: applied,
      })
      .where(eq(intakeMessages.id, id));
    return { id, uid, holdsSecret: applied.holdsSecret, redactedCopy: redactedCopy(mail, raw) };
  }
  await db
    .update(intakeMessages)
    .set({
      ...common,
      status: "triage",
      triageReason: match.triageReason,
      redactedBody: redactedPreview(mail.text),
      tokensCiphertext: tokens.length ? sealTokens(id, tokens) : null,
      outcome: { holdsSecret: tokens.length > 0 },
    })
    .where(eq(intakeMessages.id, id));
  // Any token in an unmatched mail may be a secret: it leaves the mailbox like one.
  return { id, uid, holdsSecret: tokens.length > 0, redactedCopy: redactedCopy(mail, raw) };
}
