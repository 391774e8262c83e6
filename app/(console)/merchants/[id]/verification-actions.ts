"use server";

import { revalidatePath } from "next/cache";
import { parseId } from "@/lib/validation/parse-id";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { confirmShopIdentity, requestVerification } from "@/lib/verification";

/** "Verify now": queue a verification of the merchant's pair; the button then polls for the run. */
export async function verifyNowAction(merchantId: string): Promise<ActionResult<{ jobId: string; enqueued: boolean }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const id = parseId(merchantId, "Merchant");
    const { jobId, enqueued } = await requestVerification(actor, { merchantId: id });
    return { jobId, enqueued };
  });
}

/** A specialist confirms the shop Lightspeed reported for a key whose domain differs from the sign-up. */
export async function confirmShopAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const merchantId = parseId(formData.get("merchantId"), "Merchant");
    await confirmShopIdentity(actor, { merchantId });
    revalidatePath(`/merchants/${merchantId}`);
  }, "Shop confirmed.");
}
