import { createElement } from "react";
import { render } from "@react-email/render";
import { REMINDER_COPY, reminderLanguage } from "./copy";
import { ReminderEmail, type OutstandingStep } from "./reminder-email";

export type ReminderRenderInput = {
  shopLanguage: string | null;
  contactName: string;
  shopName: string;
  steps: readonly OutstandingStep[];
  pageUrl: string;
  snoozeUrl?: string;
  unsubscribeUrl?: string;
  /** Stored lead/admin wording for this language; blank keeps the built-in text. */
  wording?: { intro?: string | null; closing?: string | null };
};

export type RenderedEmail = { language: string; subject: string; text: string; html: string };

// Rendering costs tens of milliseconds; the mailer sends thousands of emails that differ only in
// name and links. So each distinct body (language, steps, wording) is rendered once with
// placeholders, and the per-merchant values are put in afterwards (escaped for the HTML part).
const SLOTS = {
  contactName: "XXCONTACTXX",
  pageUrl: "XXPAGEURLXX",
  snoozeUrl: "XXSNOOZEXX",
  unsubscribeUrl: "XXUNSUBXX",
};
const cache = new Map<string, Promise<{ html: string; text: string }>>();
const CACHE_LIMIT = 500;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** The reminder in the shop's language (English otherwise), as HTML and its plain-text twin. */
export async function renderReminder(input: ReminderRenderInput): Promise<RenderedEmail> {
  const language = reminderLanguage(input.shopLanguage);
  const base = REMINDER_COPY[language];
  const copy = {
    ...base,
    intro: input.wording?.intro?.trim() || base.intro,
    closing: input.wording?.closing?.trim() || base.closing,
  };
  const hasSnooze = !!input.snoozeUrl;
  const hasUnsubscribe = !!input.unsubscribeUrl;
  const key = JSON.stringify([language, input.steps, copy.intro, copy.closing, hasSnooze, hasUnsubscribe]);
  let template = cache.get(key);
  if (!template) {
    const element = createElement(ReminderEmail, {
      language,
      copy,
      shopName: "",
      steps: input.steps,
      contactName: SLOTS.contactName,
      pageUrl: SLOTS.pageUrl,
      snoozeUrl: hasSnooze ? SLOTS.snoozeUrl : undefined,
      unsubscribeUrl: hasUnsubscribe ? SLOTS.unsubscribeUrl : undefined,
    });
    template = Promise.all([render(element), render(element, { plainText: true })]).then(([html, text]) => ({
      html,
      text,
    }));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, template);
  }
  const { html, text } = await template;
  const values = {
    contactName: input.contactName,
    pageUrl: input.pageUrl,
    snoozeUrl: input.snoozeUrl ?? "",
    unsubscribeUrl: input.unsubscribeUrl ?? "",
  };
  const fill = (body: string, escape: (s: string) => string) =>
    (Object.keys(SLOTS) as (keyof typeof SLOTS)[]).reduce(
      (out, slot) => out.replaceAll(SLOTS[slot], escape(values[slot])),
      body,
    );
  return {
    language,
    subject: base.subject(input.shopName),
    text: fill(text, (s) => s),
    html: fill(html, escapeHtml),
  };
}
