import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, intakeMessages } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseId } from "@/lib/validation/parse-id";
import { parseInput } from "@/lib/validation/parse-input";
import { applyMailToMerchant, type AppliedMail } from "./apply-mail";
import { resolveMerchant } from "./resolve-merchant";
import { openTokens } from "./sealed-tokens";

const input = z.object({ merchant: z.string().max(320) });

/**
 * A specialist says which merchant wrote a triage message: its sealed tokens are recorded for that
 * merchant as if the mail had matched (halves via "email", a complete pair verified; no token: a
 * reply on the timeline), then the sealed copy is dropped. The message left the mailbox already.
 */
export async function assignIntakeMessage(
  actor: Actor,
  raw: { messageId: unknown; merchant: unknown },
): Promise<AppliedMail & { merchantId: string }> {
  authorize(actor, "intake:triage");
  const messageId = parseId(raw.messageId, "Message");
  const { merchant: query } = parseInput(input, { merchant: raw.merchant });
  const [row] = await db.select().from(intakeMessages).where(eq(intakeMessages.id, messageId));
  if (!row) throw new NotFoundError("Message");
  if (row.status !== "triage") throw new ConflictError("This message was already handled.");
  const merchant = await resolveMerchant(query);
  const tokens = row.tokensCiphertext ? openTokens(row.id, row.tokensCiphertext) : [];

  const applied = await applyMailToMerchant(actor, {
    merchantId: merchant.id,
    tokens,
    from: row.fromAddress,
    receivedAt: row.sentAt,
    intakeMessageId: row.id,
  });
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(intakeMessages)
      .set({
        status: "assigned",
        merchantId: merchant.id,
        matchedBy: "assigned",
        resolvedBy: actorId(actor),
        tokensCiphertext: null,
        outcome: { ...row.outcome, ...applied },
      })
      .where(and(eq(intakeMessages.id, row.id), eq(intakeMessages.status, "triage")))
      .returning({ id: intakeMessages.id });
    // Another specialist assigned it a moment earlier: the halves are known, nothing was doubled.
    if (!updated) throw new ConflictError("This message was already handled.");
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "intake.assigned",
      entityType: "intake_message",
      entityId: row.id,
      details: { merchantId: merchant.id, recorded: applied.recorded, from: row.fromAddress },
    });
  });
  return { ...applied, merchantId: merchant.id };
}
