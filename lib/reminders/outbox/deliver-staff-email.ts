import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { outboxEmails, staffDigestPreferences, staffUsers, type OutboxEmail } from "@/db/schema";
import { createLogger } from "@/lib/logger";
import { putBackAfterSmtpError, sendClaimedEmail, type DeliveryOutcome } from "./send-claimed-email";

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

  const smtpError = await sendClaimedEmail(row.id, {
    to: row.toEmail,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody ?? undefined,
  });
  if (smtpError) {
    const { failed } = await putBackAfterSmtpError(db, row, token, smtpError);
    log.warn("staff email not sent", {
      outboxId: row.id,
      kind: row.kind,
      attempts: row.attempts,
      failed,
      error: smtpError,
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
