import { randomUUID } from "node:crypto";
import { db } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { createLogger } from "@/lib/logger";
import { requireMerchantAction } from "@/lib/onboarding/require-merchant-action";
import { enqueueDueEmails } from "./outbox/enqueue-due-emails";

const log = createLogger("reminders");

/**
 * "Ask merchant to act": records what the merchant must do (ball in court → merchant) and, in the
 * same transaction, puts the reminder email (every open step, what is missing) in the outbox to
 * go at once, whatever the reminder schedule says. One email per click.
 */
export async function askMerchantToAct(
  actor: Actor,
  input: { merchantId: string; reason: string },
): Promise<{ outboxId: string }> {
  authorize(actor, "merchant:update");
  const outboxId = await db.transaction(async (tx) => {
    await requireMerchantAction(actor, input, { tx });
    const [row] = await tx
      .insert(outboxEmails)
      .values({
        dedupeKey: `ask:${input.merchantId}:${randomUUID()}`,
        kind: "ask",
        merchantId: input.merchantId,
        createdBy: actorId(actor),
      })
      .returning({ id: outboxEmails.id });
    return row!.id;
  });
  // Redis down: the row is committed and the next reminder tick sends it.
  await enqueueDueEmails({ ids: [outboxId] }).catch((error) =>
    log.warn("could not enqueue the email now; the reminder tick will", { outboxId, error }),
  );
  return { outboxId };
}
