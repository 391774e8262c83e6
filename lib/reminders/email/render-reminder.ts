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

/** The reminder in the shop's language (English otherwise), as HTML and its plain-text twin. */
export async function renderReminder(input: ReminderRenderInput): Promise<RenderedEmail> {
  const language = reminderLanguage(input.shopLanguage);
  const base = REMINDER_COPY[language];
  const copy = {
    ...base,
    intro: input.wording?.intro?.trim() || base.intro,
    closing: input.wording?.closing?.trim() || base.closing,
  };
  const element = createElement(ReminderEmail, { ...input, language, copy });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { language, subject: base.subject(input.shopName), text, html };
}
