"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { updateReminderPolicy, updateReminderWording } from "@/lib/reminders/settings";

export async function updatePolicyAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    await updateReminderPolicy(actor, Object.fromEntries(formData));
    revalidatePath("/admin/reminders");
  }, "Policy saved.");
}

export async function updateWordingAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    await updateReminderWording(actor, Object.fromEntries(formData));
    revalidatePath("/admin/reminders");
  }, "Wording saved.");
}
