import { randomUUID } from "node:crypto";
import { and, eq, getTableColumns, lt, lte, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants, outboxEmails, type OutboxEmail } from "@/db/schema";
import { composeFactsSelection, toComposeFacts, type ComposeFacts } from "../compose-facts";

export type OutboxClaim = {
  row: OutboxEmail;
  token: string;
  /** The merchant's facts as of the claim (send check and email content); null without a merchant. */
  merchant: ComposeFacts | null;
};

/**
 * Claims an outbox email for one send: only a due `planned` row, or a `claimed` one whose lease
 * ran out (its worker died mid-send), and only one claimer wins (the row lock re-checks the
 * condition). The claim token fences the later write: a worker whose lease was taken over cannot
 * mark the email sent or failed. The same statement reads what the send needs to know about the
 * merchant, so a send costs one round trip before the SMTP conversation.
 */
export async function claimOutboxEmail(outboxId: string, leaseMs: number): Promise<OutboxClaim | null> {
  const token = randomUUID();
  const claimed = db.$with("claimed").as(
    db
      .update(outboxEmails)
      .set({
        status: "claimed",
        claimToken: token,
        leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
        attempts: sql`${outboxEmails.attempts} + 1`,
      })
      .where(
        and(
          eq(outboxEmails.id, outboxId),
          lte(outboxEmails.dueAt, sql`now()`),
          or(
            eq(outboxEmails.status, "planned"),
            and(eq(outboxEmails.status, "claimed"), lt(outboxEmails.leaseUntil, sql`now()`)),
          ),
        ),
      )
      .returning(),
  );
  const rowFields = Object.fromEntries(
    Object.keys(getTableColumns(outboxEmails)).map((k) => [k, claimed[k as keyof OutboxEmail]]),
  ) as { [K in keyof OutboxEmail]: (typeof claimed)[K] };
  const [hit] = await db
    .with(claimed)
    .select({
      row: rowFields,
      hasMerchant: sql<boolean>`${merchants.id} is not null`,
      facts: composeFactsSelection(claimed.merchantId),
    })
    .from(claimed)
    .leftJoin(merchants, eq(merchants.id, claimed.merchantId));
  if (!hit) return null;
  return { row: hit.row, token, merchant: hit.hasMerchant && hit.facts ? toComposeFacts(hit.facts) : null };
}
