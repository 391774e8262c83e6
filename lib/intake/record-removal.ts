import { inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, intakeMessages } from "@/db/schema";
import type { IntakeRemoval } from "@/db/vocabulary/intake";

/**
 * Notes what happened to messages in the mailbox; a message that held a secret gets an audit row
 * ("intake.secret_removed": deleted or replaced by a redacted copy), so the removal is on record.
 */
export async function recordRemoval(
  rows: { id: string; merchantId: string | null }[],
  removal: IntakeRemoval,
  folder: string | null,
): Promise<void> {
  if (!rows.length) return;
  await db.transaction(async (tx) => {
    await tx
      .update(intakeMessages)
      .set({ removal, processedAt: sql`coalesce(${intakeMessages.processedAt}, now())` })
      .where(
        inArray(
          intakeMessages.id,
          rows.map((r) => r.id),
        ),
      );
    if (removal === "removed" || removal === "redacted")
      await tx.insert(auditLog).values(
        rows.map((r) => ({
          actorId: null,
          action: "intake.secret_removed",
          entityType: "intake_message",
          entityId: r.id,
          details: { merchantId: r.merchantId, mode: removal, folder, system: "mailbox-intake" },
        })),
      );
  });
}
