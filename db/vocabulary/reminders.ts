/**
 * Reminder and outbox vocabularies: one tuple each feeds the pg enum, the zod enum and the labels.
 * planned → claimed (a worker holds a lease) → sent; an SMTP error puts it back to planned with a
 * later due time until the attempts run out (failed). `cancelled`: a stop came before it went out.
 */
export const OUTBOX_STATUSES = ["planned", "claimed", "sent", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * reminder: planned by the policy; ask: "Ask merchant to act" sends the same email at once.
 * daily_digest / weekly_digest: a staff member's digest (lib/digests), rendered when planned.
 */
export const OUTBOX_KINDS = ["reminder", "ask", "daily_digest", "weekly_digest"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** The languages reminders are written in; any other shop language gets English. */
export const REMINDER_LANGUAGES = ["en", "nl", "de", "fr"] as const;
export type ReminderLanguage = (typeof REMINDER_LANGUAGES)[number];

export function isReminderLanguage(value: string): value is ReminderLanguage {
  return (REMINDER_LANGUAGES as readonly string[]).includes(value);
}

/** The language a merchant is written to in (emails, its page, the secure link): the shop's, English otherwise. */
export function reminderLanguage(shopLanguage: string | null | undefined): ReminderLanguage {
  const lang = (shopLanguage ?? "").toLowerCase();
  return isReminderLanguage(lang) ? lang : "en";
}
