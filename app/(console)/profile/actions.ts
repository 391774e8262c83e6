"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { updateDigestPreferences } from "@/lib/digests/update-digest-preferences";
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

// A ticked checkbox sends "on"; an unticked one sends nothing.
const ticked = z
  .literal("on")
  .nullable()
  .transform((value) => value === "on");
const digestFormSchema = z.object({ daily: ticked, weekly: ticked });

/** Saves the signed-in staff member's digest choices (opt out per digest). */
export async function updateDigestsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const input = digestFormSchema.parse({ daily: formData.get("daily"), weekly: formData.get("weekly") });
    await updateDigestPreferences(actor, input);
    revalidatePath("/profile");
  }, "Digest choices saved.");
}
