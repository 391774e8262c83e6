import { and, eq, isNull } from "drizzle-orm";
import { parseId } from "@/lib/validation/parse-id";
import { db } from "@/db/client";
import { auditLog, connectLinks } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { recordMerchantEvent } from "@/lib/onboarding";

/** Revokes a link at once (sent to the wrong address, merchant asked for a new one). Idempotent. */
export async function revokeConnectLink(actor: Actor, input: { linkId: string }): Promise<void> {
  authorize(actor, "connect-link:manage");
  parseId(input.linkId, "Connect link");
  await db.transaction(async (tx) => {
    const [link] = await tx.select().from(connectLinks).where(eq(connectLinks.id, input.linkId)).for("update");
    if (!link) throw new NotFoundError("Connect link");
    if (link.revokedAt) return;
    await tx
      .update(connectLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(connectLinks.id, link.id), isNull(connectLinks.revokedAt)));
    await recordMerchantEvent(tx, {
      merchantId: link.merchantId,
      actor,
      type: "connect_link",
      evidence: { action: "revoked", linkId: link.id },
    });
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "connect_link.revoked",
      entityType: "connect_link",
      entityId: link.id,
      details: { merchantId: link.merchantId },
    });
  });
}
