import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, intakeMessages } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { parseId } from "@/lib/validation/parse-id";

/** "Not relevant": the triage message is closed and its sealed tokens are dropped for good. */
export async function dismissIntakeMessage(actor: Actor, raw: { messageId: unknown }): Promise<void> {
  authorize(actor, "intake:triage");
  const messageId = parseId(raw.messageId, "Message");
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(intakeMessages)
      .set({ status: "dismissed", resolvedBy: actorId(actor), tokensCiphertext: null })
      .where(and(eq(intakeMessages.id, messageId), eq(intakeMessages.status, "triage")))
      .returning({ id: intakeMessages.id, from: intakeMessages.fromAddress });
    if (!updated) throw new ConflictError("This message was already handled.");
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "intake.dismissed",
      entityType: "intake_message",
      entityId: messageId,
      details: { from: updated.from },
    });
  });
}
