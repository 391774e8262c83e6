import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { loadKnownHalves } from "@/lib/credentials/known-halves";
import { recordHalves } from "@/lib/credentials/record-halves";
import { recordMerchantEvent } from "@/lib/onboarding";
import { verifyWhenComplete } from "@/lib/verification/verify-when-complete";
import { classifyTokens } from "./classify-tokens";
import type { FoundToken, Half } from "./extract-tokens";

export type MailForMerchant = {
  merchantId: string;
  tokens: FoundToken[];
  from: string | null;
  receivedAt: Date | null;
  intakeMessageId: string;
};
export type AppliedMail = { recorded: Half[]; repeated: Half[]; holdsSecret: boolean; replied: boolean };

/**
 * What a merchant's email means for it: new halves are recorded through the credentials verb
 * (encrypted, steps completed, a complete pair queued for verification, via "email" with the
 * sender), a repeated half is not recorded again, and a mail without any token is a reply on the
 * timeline. Used by the poll (system actor) and by triage assignment (the specialist).
 */
export async function applyMailToMerchant(actor: Actor, mail: MailForMerchant): Promise<AppliedMail> {
  authorize(actor, "credentials:record");
  // A date in the future (a wrong clock) or none: the moment we read it.
  const receivedAt = mail.receivedAt && mail.receivedAt.getTime() <= Date.now() ? mail.receivedAt : new Date();
  if (mail.tokens.length === 0) {
    await db.transaction(async (tx) => {
      const evidence = { from: mail.from, receivedAt: receivedAt.toISOString(), intakeMessageId: mail.intakeMessageId };
      await recordMerchantEvent(tx, { merchantId: mail.merchantId, actor, type: "merchant_replied", evidence });
      await tx.insert(auditLog).values({
        actorId: actorId(actor),
        action: "intake.merchant_replied",
        entityType: "intake_message",
        entityId: mail.intakeMessageId,
        details: { merchantId: mail.merchantId, from: mail.from },
      });
    });
    return { recorded: [], repeated: [], holdsSecret: false, replied: true };
  }

  const known = await loadKnownHalves(mail.merchantId);
  const found = classifyTokens(mail.tokens, known, known.owed);
  const recorded = (["key", "secret"] as const).filter((half) => found[half]);
  if (recorded.length)
    await verifyWhenComplete(
      await recordHalves(
        actor,
        { merchantId: mail.merchantId, key: found.key, secret: found.secret, receivedAt },
        { via: "email", ...(mail.from ? { from: mail.from } : {}) },
      ),
    );
  return { recorded, repeated: found.repeated, holdsSecret: found.holdsSecret, replied: false };
}
