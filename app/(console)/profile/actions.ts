"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { updateOwnTimeZone } from "@/lib/staff/update-own-time-zone";

const formSchema = z.object({ timeZone: z.string("Choose a time zone") });

/** Saves the signed-in staff member's time zone; the whole console re-renders in it. */
export async function updateTimeZoneAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const input = formSchema.parse({ timeZone: formData.get("timeZone") ?? undefined });
    await updateOwnTimeZone(actor, input);
    revalidatePath("/", "layout");
  }, "Time zone saved.");
}
