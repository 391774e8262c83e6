import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { env } from "@/lib/env";
import { mailerTransport } from "./mailer-transport";

export type DeliveryOutcome = "sent" | "skipped" | "cancelled" | "postponed" | "retry" | "failed";

export type OutboxMessage = { to: string; subject: string; text: string; html?: string };

/** Retry n (1-based) waits base · 4^(n-1): 1 min, 4, 16, 64 by default. */
export function retryDelayMs(attempt: number, baseMs = env.MAIL_RETRY_BASE_MS): number {
  return baseMs * 4 ** Math.max(0, attempt - 1);
}

/**
 * The SMTP conversation for one claimed outbox row, merchant or staff alike. One Message-ID per
 * row: a receiver can tell a resend after a crash from a new email. Returns the SMTP error's
 * message (nodemailer names the reply, "Connection refused", "550 …"; no secret is in it) or null.
 */
export async function sendClaimedEmail(outboxId: string, message: OutboxMessage): Promise<string | null> {
  try {
    await mailerTransport().sendMail({
      from: env.MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${outboxId}@outbox.actenzo>`,
      headers: { "X-Actenzo-Outbox": outboxId },
    });
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 500);
  }
}

/**
 * After an SMTP error: back to `planned` with the next backoff, or `failed` once the attempts run
 * out. Fenced by the claim token (decision 0024); `updated` is false when another worker took the
 * row over meanwhile.
 */
export async function putBackAfterSmtpError(
  executor: Db | Tx,
  row: { id: string; attempts: number },
  token: string,
  error: string,
): Promise<{ failed: boolean; updated: boolean }> {
  const failed = row.attempts >= env.MAIL_MAX_ATTEMPTS;
  const updated = await executor
    .update(outboxEmails)
    .set({
      status: failed ? "failed" : "planned",
      dueAt: new Date(Date.now() + retryDelayMs(row.attempts)),
      lastError: error,
      leaseUntil: null,
      claimToken: null,
    })
    .where(and(eq(outboxEmails.id, row.id), eq(outboxEmails.claimToken, token)))
    .returning({ id: outboxEmails.id });
  return { failed, updated: updated.length > 0 };
}
