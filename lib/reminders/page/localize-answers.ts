import { z } from "zod";
import { REMINDER_LANGUAGES, type ReminderLanguage } from "@/db/vocabulary/reminders";
import type { SubmissionResult } from "@/lib/connect-links";
import { NotFoundError, RateLimitedError, RuleViolationError, ValidationError } from "@/lib/errors";
import { MERCHANT_PAGE_COPY } from "./page-copy";

/** The language a public form posted back (a hidden field); anything else is English. */
export const formLanguageSchema = z.enum(REMINDER_LANGUAGES).catch("en");

/**
 * The verbs answer the merchant in English (the /connect page's words); on the merchant's own page
 * the same answers are given in the shop's language. English passes through untouched.
 */
export function localizeSubmission(result: SubmissionResult, language: ReminderLanguage): SubmissionResult {
  if (language === "en") return result;
  const messages = MERCHANT_PAGE_COPY[language].form.messages;
  const message =
    result.outcome === "missing_permissions" ? messages.missing_permissions(result.missing) : messages[result.outcome];
  return { ...result, message };
}

type FormWords = { fixFields: string; required: string; tooManyAttempts?: string; linkUnusable: string };

function localizeError(error: unknown, words: FormWords, fieldMessage: string): unknown {
  if (error instanceof z.ZodError || error instanceof ValidationError) {
    const fields =
      error instanceof z.ZodError ? Object.keys(z.flattenError(error).fieldErrors) : Object.keys(error.fieldErrors);
    return new ValidationError(words.fixFields, Object.fromEntries(fields.map((f) => [f, [fieldMessage]])));
  }
  if (error instanceof RateLimitedError && words.tooManyAttempts) {
    return new RateLimitedError(words.tooManyAttempts, error.retryAfterSeconds);
  }
  if (error instanceof RuleViolationError || error instanceof NotFoundError) {
    return new RuleViolationError(words.linkUnusable);
  }
  // Anything else stays as it is, so it is logged and reported as before.
  return error;
}

/** The key form's refusals in the shop's language. */
export function localizeConnectError(error: unknown, language: ReminderLanguage): unknown {
  if (language === "en") return error;
  const form = MERCHANT_PAGE_COPY[language].form;
  return localizeError(error, form, form.required);
}

/** Snooze and unsubscribe refusals in the shop's language. */
export function localizePreferenceError(error: unknown, language: ReminderLanguage): unknown {
  if (language === "en") return error;
  const words = MERCHANT_PAGE_COPY[language].preferences;
  return localizeError(error, { ...words, fixFields: words.chooseDate, required: words.chooseDate }, words.chooseDate);
}
