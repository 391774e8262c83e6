import { eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantReminderSettings, merchants, platformIncidents, type MerchantOutboxEmail } from "@/db/schema";
import { isHoldActive } from "@/lib/pipeline/rules";

export type SendCheck =
  | { ok: true }
  | { ok: false; cancel: true; reason: string }
  | { ok: false; cancel: false; reason: string; retryAt: Date };

/**
 * The facts re-read just before a reminder goes out, since a stop may have come after planning:
 * cancelled, on hold, unsubscribed, step done or moved on stop it; a platform incident or a snooze
 * postpone it. "Ask merchant to act" is a person's explicit request and skips the postponements.
 */
export async function checkBeforeSend(row: MerchantOutboxEmail, now: Date): Promise<SendCheck> {
  const [merchant] = await db
    .select({
      cancelledAt: merchants.cancelledAt,
      onHold: merchants.onHold,
      holdUntil: merchants.holdUntil,
      currentStage: merchants.currentStage,
      ballInCourt: merchants.ballInCourt,
      snoozedUntil: merchantReminderSettings.snoozedUntil,
      unsubscribedAt: merchantReminderSettings.unsubscribedAt,
    })
    .from(merchants)
    .leftJoin(merchantReminderSettings, eq(merchantReminderSettings.merchantId, merchants.id))
    .where(eq(merchants.id, row.merchantId));
  if (!merchant || merchant.cancelledAt) return { ok: false, cancel: true, reason: "cancelled" };
  if (row.kind === "ask") return { ok: true };
  if (isHoldActive(merchant, now)) return { ok: false, cancel: true, reason: "on_hold" };
  if (merchant.unsubscribedAt) return { ok: false, cancel: true, reason: "unsubscribed" };
  if (merchant.currentStage !== row.stage || merchant.ballInCourt !== "merchant") {
    return { ok: false, cancel: true, reason: "step_done" };
  }
  const [incident] = await db
    .select({ id: platformIncidents.id })
    .from(platformIncidents)
    .where(isNull(platformIncidents.closedAt))
    .limit(1);
  if (incident)
    return { ok: false, cancel: false, reason: "platform_incident", retryAt: new Date(now.getTime() + 15 * 60_000) };
  if (merchant.snoozedUntil && merchant.snoozedUntil > now) {
    return { ok: false, cancel: false, reason: "snoozed", retryAt: merchant.snoozedUntil };
  }
  return { ok: true };
}
