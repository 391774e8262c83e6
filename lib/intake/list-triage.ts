import { count, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";

export type TriageMessage = {
  id: string;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  sentAt: Date | null;
  receivedAt: Date;
  redactedBody: string | null;
  triageReason: string | null;
  /** The mail held tokens (sealed); assigning it records them for the merchant. */
  hasTokens: boolean;
};

/** The access mailbox's unmatched or ambiguous messages, newest first (redacted; never a token). */
export async function listTriage(actor: Actor, limit = 100): Promise<TriageMessage[]> {
  authorize(actor, "intake:triage");
  return db
    .select({
      id: intakeMessages.id,
      fromAddress: intakeMessages.fromAddress,
      fromName: intakeMessages.fromName,
      subject: intakeMessages.subject,
      sentAt: intakeMessages.sentAt,
      receivedAt: intakeMessages.createdAt,
      redactedBody: intakeMessages.redactedBody,
      triageReason: intakeMessages.triageReason,
      hasTokens: sql<boolean>`${intakeMessages.tokensCiphertext} is not null`,
    })
    .from(intakeMessages)
    .where(eq(intakeMessages.status, "triage"))
    .orderBy(desc(intakeMessages.createdAt))
    .limit(Math.min(Math.max(limit, 1), 500));
}

/** The navigation badge: how many messages wait in triage. */
export async function countTriage(actor: Actor): Promise<number> {
  authorize(actor, "intake:triage");
  const [row] = await db
    .select({ n: count() })
    .from(intakeMessages)
    .where(eq(intakeMessages.status, "triage"))
    // Named: the console layout reads it on every page (decision 0018).
    .prepare("count_triage")
    .execute();
  return row?.n ?? 0;
}
