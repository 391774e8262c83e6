import { randomUUID } from "node:crypto";
import { and, eq, lt, lte, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { outboxEmails, type OutboxEmail } from "@/db/schema";

/**
 * Claims an outbox email for one send: only a due `planned` row, or a `claimed` one whose lease
 * ran out (its worker died mid-send), and only one claimer wins (the row lock re-checks the
 * condition). The claim token fences the later write: a worker whose lease was taken over cannot
 * mark the email sent or failed.
 */
export async function claimOutboxEmail(
  outboxId: string,
  leaseMs: number,
): Promise<{ row: OutboxEmail; token: string } | null> {
  const token = randomUUID();
  const [row] = await db
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
    .returning();
  return row ? { row, token } : null;
}
