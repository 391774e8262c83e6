"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { formLanguageSchema, localizePreferenceError } from "@/lib/reminders/page/localize-answers";
import { snoozeReminders, unsubscribeReminders } from "@/lib/reminders/page/merchant-preferences";
import { MERCHANT_PAGE_COPY } from "@/lib/reminders/page/page-copy";
import { textInput } from "@/lib/validation/text";

const tokenSchema = textInput().max(100);

/** Public (signed link): "remind me after <date>". Answers in the language the page posted. */
export async function snoozeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const language = formLanguageSchema.parse(formData.get("language"));
  return runAction(async (): Promise<undefined> => {
    try {
      const token = tokenSchema.parse(String(formData.get("token") ?? ""));
      const until = z
        .string()
        .max(10)
        .parse(String(formData.get("until") ?? ""));
      await snoozeReminders(token, { until: until ? `${until}T00:00:00Z` : "" });
      revalidatePath(`/m/${token}`);
    } catch (error) {
      throw localizePreferenceError(error, language);
    }
  }, MERCHANT_PAGE_COPY[language].preferences.snoozed);
}

/** Public (signed link): no more reminder emails. */
export async function unsubscribeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const language = formLanguageSchema.parse(formData.get("language"));
  return runAction(async (): Promise<undefined> => {
    try {
      const token = tokenSchema.parse(String(formData.get("token") ?? ""));
      await unsubscribeReminders(token);
      revalidatePath(`/m/${token}`);
    } catch (error) {
      throw localizePreferenceError(error, language);
    }
  }, MERCHANT_PAGE_COPY[language].preferences.unsubscribed);
}
