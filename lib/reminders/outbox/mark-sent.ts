import { sql } from "@/db/client";
import type { OutboxEmail } from "@/db/schema";
import type { ComposedEmail } from "../compose-merchant-email";
import { timelineCtes } from "../timeline-sql";

/**
 * Marks a claimed email sent and puts it on the merchant's timeline, fenced by the claim token, in
 * ONE statement (one round trip, atomic like a transaction): the row's sent state with what went
 * out, the `reminder_sent` event and the merchant's last activity (what recordMerchantEvent does
 * for a non-clock event). False when the lease was taken over meanwhile: nothing is written.
 */
export async function markOutboxSent(row: OutboxEmail, token: string, composed: ComposedEmail): Promise<boolean> {
  const evidence = {
    outboxId: row.id,
    kind: row.kind,
    number: row.reminderNumber,
    to: composed.to,
    language: composed.language,
    steps: composed.steps.map((s) => s.step),
  };
  const [result] = await sql<{ marked: number }[]>`
    with marked as (
      update outbox_emails
      set status = 'sent', sent_at = now(), lease_until = null, last_error = null, to_email = ${composed.to},
        language = ${composed.language}, subject = ${composed.subject}, text_body = ${composed.text},
        html_body = ${composed.html}
      where id = ${row.id} and claim_token = ${token}
      returning merchant_id, stage, ${JSON.stringify(evidence)}::text::jsonb as evidence
    ), ${timelineCtes(sql, "marked", "reminder_sent")}
    select (select count(*) from marked)::int as marked`;
  return (result?.marked ?? 0) > 0;
}
