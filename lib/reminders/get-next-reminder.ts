import { and, desc, eq, isNull } from "drizzle-orm";
import { lookupDb } from "@/db/client";
import {
  merchantReminderSettings,
  merchants,
  outboxEmails,
  platformIncidents,
  reminderPolicies,
  reminderSequences,
} from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { isHoldActive } from "@/lib/pipeline/rules";
import { calendarInput, merchantCalendar } from "@/lib/sla/sla-context";
import { parseId } from "@/lib/validation/parse-id";
import { composeMerchantEmail } from "./compose-merchant-email";
import { specialistCalled } from "@/lib/tasks/specialist-called";
import { decideReminder, type MuteReason, type StopReason } from "./policy";

export type ReminderPreview = { subject: string; text: string; language: string };

export type NextReminder =
  | { state: "none"; why: string }
  | { state: "stopped"; reason: StopReason }
  | { state: "muted"; reason: MuteReason; until: Date | null; preview: ReminderPreview | null }
  | { state: "planned"; at: Date; number: number; maxCount: number; preview: ReminderPreview | null }
  | { state: "escalation"; at: Date; to: "specialist" | "lead" }
  | { state: "finished" }
  /** The specialist's escalation task was marked done: the lead is not asked. */
  | { state: "called" };

export type ReminderOverview = {
  next: NextReminder;
  sent: { at: Date; subject: string | null; kind: string; number: number | null }[];
  unsubscribed: boolean;
  snoozedUntil: Date | null;
};

const PLACEHOLDER = "https://example.invalid/m/<signed link, made when the email goes out>";

/** For the workspace: when the next reminder goes (in the merchant's calendar), what it will say, what went out. */
export async function getReminderOverview(
  actor: Actor | null,
  merchantIdInput: string,
  now = new Date(),
): Promise<ReminderOverview> {
  authorize(actor, "merchant:read");
  const merchantId = parseId(merchantIdInput, "Merchant");
  // Prepared and in parallel: the workspace shows this card on every view (decision 0018).
  const [[m], sentRows] = await Promise.all([
    lookupDb
      .select({
        merchant: merchants,
        snoozedUntil: merchantReminderSettings.snoozedUntil,
        unsubscribedAt: merchantReminderSettings.unsubscribedAt,
        repliedAt: merchantReminderSettings.merchantRepliedAt,
      })
      .from(merchants)
      .leftJoin(merchantReminderSettings, eq(merchantReminderSettings.merchantId, merchants.id))
      .where(eq(merchants.id, merchantId))
      .prepare("reminder_merchant")
      .execute(),
    lookupDb
      .select({
        at: outboxEmails.sentAt,
        subject: outboxEmails.subject,
        kind: outboxEmails.kind,
        number: outboxEmails.reminderNumber,
      })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.merchantId, merchantId), eq(outboxEmails.status, "sent")))
      .orderBy(desc(outboxEmails.sentAt))
      .limit(10)
      .prepare("reminders_sent")
      .execute(),
  ]);
  if (!m) throw new NotFoundError("Merchant");
  const base = {
    sent: sentRows.map((r) => ({ ...r, at: r.at ?? now })),
    unsubscribed: !!m.unsubscribedAt,
    snoozedUntil: m.snoozedUntil,
  };
  return { ...base, next: await nextReminder(m, now) };
}

async function nextReminder(
  m: {
    merchant: typeof merchants.$inferSelect;
    snoozedUntil: Date | null;
    unsubscribedAt: Date | null;
    repliedAt: Date | null;
  },
  now: Date,
): Promise<NextReminder> {
  const { merchant } = m;
  if (merchant.cancelledAt) return { state: "stopped", reason: "cancelled" };
  if (!merchant.currentStage || merchant.ballInCourt !== "merchant")
    return { state: "none", why: "Actenzo has the next move." };
  const stage = merchant.currentStage;
  const [[rule], [seq], [incident]] = await Promise.all([
    lookupDb
      .select()
      .from(reminderPolicies)
      .where(eq(reminderPolicies.stage, stage))
      .prepare("reminder_policy")
      .execute(),
    lookupDb
      .select()
      .from(reminderSequences)
      .where(
        and(
          eq(reminderSequences.merchantId, merchant.id),
          eq(reminderSequences.stage, stage),
          eq(reminderSequences.stepEnteredAt, merchant.stageEnteredAt),
        ),
      )
      .prepare("reminder_sequence")
      .execute(),
    lookupDb
      .select({ id: platformIncidents.id })
      .from(platformIncidents)
      .where(isNull(platformIncidents.closedAt))
      .limit(1)
      .prepare("reminder_incident_open")
      .execute(),
  ]);
  if (!rule) return { state: "none", why: "No reminder policy for this step." };
  if (seq?.stopReason) return { state: "stopped", reason: seq.stopReason as StopReason };
  const calendar = merchantCalendar(calendarInput(merchant));
  const history = {
    stepEnteredAt: merchant.stageEnteredAt,
    sent: seq?.sent ?? 0,
    lastActionAt: seq?.lastActionAt ?? null,
    escalationLevel: seq?.escalationLevel ?? 0,
  };
  const decision = decideReminder({
    rule,
    history,
    calendar,
    now,
    facts: {
      stepDone: false,
      cancelled: false,
      onHold: isHoldActive(merchant, now),
      unsubscribed: !!m.unsubscribedAt,
      merchantReplied: !!m.repliedAt && m.repliedAt > merchant.stageEnteredAt,
      platformIncidentOpen: !!incident,
      snoozedUntil: m.snoozedUntil,
    },
  });
  const preview = async (): Promise<ReminderPreview | null> => {
    const composed = await composeMerchantEmail(merchant.id, async () => ({
      pageUrl: PLACEHOLDER,
      snoozeUrl: `${PLACEHOLDER}?do=snooze`,
      unsubscribeUrl: `${PLACEHOLDER}?do=unsubscribe`,
    }));
    return composed && { subject: composed.subject, text: composed.text, language: composed.language };
  };
  const occurrence = { merchantId: merchant.id, stage: merchant.currentStage, stepEnteredAt: merchant.stageEnteredAt };
  const escalation = async (at: Date, to: "specialist" | "lead"): Promise<NextReminder> =>
    to === "lead" && (await specialistCalled(occurrence)) ? { state: "called" } : { state: "escalation", at, to };
  switch (decision.kind) {
    case "stop":
      return { state: "stopped", reason: decision.reason };
    case "finished":
      return (await specialistCalled(occurrence)) ? { state: "called" } : { state: "finished" };
    case "muted":
      return { state: "muted", reason: decision.reason, until: decision.until, preview: await preview() };
    case "escalate":
      return escalation(now, decision.to);
    case "send":
      return { state: "planned", at: now, number: decision.number, maxCount: rule.maxCount, preview: await preview() };
    case "wait": {
      if (history.sent >= rule.maxCount) {
        return escalation(decision.until, history.escalationLevel === 0 ? "specialist" : "lead");
      }
      const at = decision.until;
      return { state: "planned", at, number: history.sent + 1, maxCount: rule.maxCount, preview: await preview() };
    }
  }
}
