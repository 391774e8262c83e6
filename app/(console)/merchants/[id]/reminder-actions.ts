"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { markMerchantReplied } from "@/lib/reminders/mark-merchant-replied";

const schema = z.object({ merchantId: z.string() });

/** "Merchant replied": the reminders about the current step stop. */
export async function markRepliedAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const { merchantId } = schema.parse({ merchantId: formData.get("merchantId") });
    await markMerchantReplied(actor, { merchantId });
    revalidatePath(`/merchants/${merchantId}`);
  }, "Marked as replied; reminders about this step stop.");
}
