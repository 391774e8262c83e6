import type { OutboxEmail } from "@/db/schema";
import { isHoldActive } from "@/lib/pipeline/rules";
import type { ComposeFacts } from "../compose-facts";

export type SendCheck =
  | { ok: true }
  | { ok: false; cancel: true; reason: string }
  | { ok: false; cancel: false; reason: string; retryAt: Date };

/**
 * The facts re-read just before a reminder goes out (by the claim itself), since a stop may have
 * come after planning: cancelled, on hold, unsubscribed, step done or moved on stop it; a platform
 * incident or a snooze postpone it. "Ask merchant to act" is a person's explicit request and skips
 * the postponements.
 */
export function checkBeforeSend(row: OutboxEmail, merchant: ComposeFacts | null, now: Date): SendCheck {
  if (!merchant || merchant.cancelledAt) return { ok: false, cancel: true, reason: "cancelled" };
  if (row.kind === "ask") return { ok: true };
  if (isHoldActive(merchant, now)) return { ok: false, cancel: true, reason: "on_hold" };
  if (merchant.unsubscribed) return { ok: false, cancel: true, reason: "unsubscribed" };
  if (merchant.currentStage !== row.stage || merchant.ballInCourt !== "merchant") {
    return { ok: false, cancel: true, reason: "step_done" };
  }
  if (merchant.platformIncidentOpen)
    return { ok: false, cancel: false, reason: "platform_incident", retryAt: new Date(now.getTime() + 15 * 60_000) };
  if (merchant.snoozedUntil && merchant.snoozedUntil > now) {
    return { ok: false, cancel: false, reason: "snoozed", retryAt: merchant.snoozedUntil };
  }
  return { ok: true };
}
