"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { snoozeReminders, unsubscribeReminders } from "@/lib/reminders/page/merchant-preferences";
import { textInput } from "@/lib/validation/text";

const tokenSchema = textInput().max(100);

/** Public (signed link): "remind me after <date>". */
export async function snoozeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const token = tokenSchema.parse(String(formData.get("token") ?? ""));
    const until = z
      .string()
      .max(10)
      .parse(String(formData.get("until") ?? ""));
    await snoozeReminders(token, { until: until ? `${until}T00:00:00Z` : "" });
    revalidatePath(`/m/${token}`);
  }, "We will not remind you before that date.");
}

/** Public (signed link): no more reminder emails. */
export async function unsubscribeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const token = tokenSchema.parse(String(formData.get("token") ?? ""));
    await unsubscribeReminders(token);
    revalidatePath(`/m/${token}`);
  }, "You will get no more reminder emails.");
}
