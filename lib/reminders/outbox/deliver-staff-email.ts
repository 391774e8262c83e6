import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { outboxEmails, staffDigestPreferences, staffUsers, type OutboxEmail } from "@/db/schema";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/logger";
import { retryDelayMs, type DeliveryOutcome } from "./deliver-outbox-email";
import { mailerTransport } from "./mailer-transport";

const log = createLogger("mailer");

/**
 * Sends a claimed outbox email addressed to a staff member (a digest, lib/digests): its content
 * was rendered and stored when it was planned, so the mailer only re-checks the recipient (still
 * active, still opted in to this digest), sends it, and marks it sent, fenced by the claim token
 * like every outbox email (decision 0024). SMTP errors are retried with the same backoff; a final
 * failure is logged (there is no merchant timeline to put it on).
 */
export async function deliverStaffEmail(row: OutboxEmail, token: string): Promise<DeliveryOutcome> {
  const fenced = and(eq(outboxEmails.id, row.id), eq(outboxEmails.claimToken, token));
  const cancel = async (reason: string) => {
    await db.update(outboxEmails).set({ status: "cancelled", lastError: reason, leaseUntil: null }).where(fenced);
    return "cancelled" as const;
  };
  const [recipient] = row.staffId
    ? await db
        .select({
          active: staffUsers.active,
          daily: staffDigestPreferences.daily,
          weekly: staffDigestPreferences.weekly,
        })
        .from(staffUsers)
        .leftJoin(staffDigestPreferences, eq(staffDigestPreferences.staffId, staffUsers.id))
        .where(eq(staffUsers.id, row.staffId))
    : [];
  if (!recipient?.active) return cancel("recipient deactivated");
  if (
    (row.kind === "daily_digest" && recipient.daily === false) ||
    (row.kind === "weekly_digest" && recipient.weekly === false)
  )
    return cancel("opted out");
  if (!row.toEmail || !row.subject || !row.textBody) return cancel("nothing to send");

  try {
    await mailerTransport().sendMail({
      from: env.MAIL_FROM,
      to: row.toEmail,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody ?? undefined,
      messageId: `<${row.id}@outbox.actenzo>`,
      headers: { "X-Actenzo-Outbox": row.id },
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const failed = row.attempts >= env.MAIL_MAX_ATTEMPTS;
    await db
      .update(outboxEmails)
      .set({
        status: failed ? "failed" : "planned",
        dueAt: new Date(Date.now() + retryDelayMs(row.attempts)),
        lastError: message,
        leaseUntil: null,
        claimToken: null,
      })
      .where(fenced);
    log.warn("staff email not sent", {
      outboxId: row.id,
      kind: row.kind,
      attempts: row.attempts,
      failed,
      error: message,
    });
    return failed ? "failed" : "retry";
  }
  const marked = await db
    .update(outboxEmails)
    .set({ status: "sent", sentAt: sql`now()`, leaseUntil: null, lastError: null })
    .where(fenced)
    .returning({ id: outboxEmails.id });
  if (!marked.length) log.warn("lease lost before the staff email was marked sent", { outboxId: row.id });
  return "sent";
}
