import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { outboxEmails, type MerchantOutboxEmail } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/logger";
import { recordMerchantEvent } from "@/lib/onboarding/record-merchant-event";
import { composeFromFacts } from "../compose-merchant-email";
import { createPageLink, pageUrl } from "../page/page-link";
import { claimOutboxEmail } from "./claim";
import { checkBeforeSend } from "./send-check";
import { deliverStaffEmail } from "./deliver-staff-email";
import { markOutboxSent } from "./mark-sent";
import { putBackAfterSmtpError, sendClaimedEmail, type DeliveryOutcome } from "./send-claimed-email";

const log = createLogger("mailer");
const mailer = systemActor("mailer");

export type { DeliveryOutcome } from "./send-claimed-email";

/**
 * Sends one outbox email at most once: claim (lease + fencing token; the same statement re-reads
 * the stops and the email's facts), render it with a fresh signed page link, send over SMTP with a
 * Message-ID derived from the row, then mark it sent and put it on the timeline in one statement.
 * Three round trips to PostgreSQL per email (claim, link, sent). An SMTP error puts it back with a
 * backoff until the attempts run out; then it is failed and the specialist sees it on the timeline.
 */
export async function deliverOutboxEmail(outboxId: string, now = new Date()): Promise<DeliveryOutcome> {
  const claimedAt = Date.now();
  const claim = await claimOutboxEmail(outboxId, env.MAIL_LEASE_MS);
  if (!claim) return "skipped";
  // A staff email (a digest) was rendered when planned: it is sent as stored.
  if (claim.row.merchantId === null) return deliverStaffEmail(claim.row, claim.token);
  const { token } = claim;
  const row: MerchantOutboxEmail = { ...claim.row, merchantId: claim.row.merchantId };
  const fenced = and(eq(outboxEmails.id, row.id), eq(outboxEmails.claimToken, token));

  const check = checkBeforeSend(row, claim.merchant, now);
  if (!check.ok) {
    if (check.cancel) {
      await db
        .update(outboxEmails)
        .set({ status: "cancelled", lastError: check.reason, leaseUntil: null })
        .where(fenced);
      return "cancelled";
    }
    // Postponed, not attempted: the attempt is given back.
    await db
      .update(outboxEmails)
      .set({
        status: "planned",
        dueAt: check.retryAt,
        attempts: sql`${outboxEmails.attempts} - 1`,
        leaseUntil: null,
        claimToken: null,
      })
      .where(fenced);
    return "postponed";
  }

  const composed = await composeFromFacts(claim.merchant!, async (steps) => {
    const withKeyForm = steps.some((s) => s.step === "key_received" || s.step === "secret_received");
    const url = pageUrl(await createPageLink(db, row.merchantId, { now, withKeyForm }));
    return { pageUrl: url, snoozeUrl: `${url}?do=snooze`, unsubscribeUrl: `${url}?do=unsubscribe` };
  });
  if (!composed) {
    await db
      .update(outboxEmails)
      .set({ status: "cancelled", lastError: "nothing outstanding", leaseUntil: null })
      .where(fenced);
    return "cancelled";
  }

  // A slow render (a cold template under load) may have eaten into the lease: renew it then, and
  // give up if another worker took the email over meanwhile. Usually rendering takes milliseconds
  // and this round trip is skipped. From here only the SMTP conversation itself is unfenced
  // (decision 0024).
  if (Date.now() - claimedAt > env.MAIL_LEASE_MS / 4) {
    const renewed = await db
      .update(outboxEmails)
      .set({ leaseUntil: sql`now() + ${env.MAIL_LEASE_MS} * interval '1 millisecond'` })
      .where(fenced)
      .returning({ id: outboxEmails.id });
    if (!renewed.length) return "skipped";
  }

  const smtpError = await sendClaimedEmail(row.id, composed);
  if (smtpError) return recordFailure(row, token, smtpError);

  if (!(await markOutboxSent(row, token, composed))) {
    log.warn("lease lost before the email was marked sent", { outboxId: row.id });
  }
  return "sent";
}

async function recordFailure(row: MerchantOutboxEmail, token: string, error: string): Promise<DeliveryOutcome> {
  const attempts = row.attempts;
  return db.transaction(async (tx) => {
    const { failed, updated } = await putBackAfterSmtpError(tx, row, token, error);
    if (failed && updated) {
      await recordMerchantEvent(tx, {
        merchantId: row.merchantId,
        actor: mailer,
        type: "reminder",
        stage: row.stage,
        evidence: { action: "failed", outboxId: row.id, attempts, error },
      });
    }
    log.warn("email not sent", { outboxId: row.id, attempts, failed, error });
    return failed ? "failed" : "retry";
  });
}
