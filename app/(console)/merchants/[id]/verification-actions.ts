"use server";

import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { requestVerification } from "@/lib/verification";

/** "Verify now": queue a verification of the merchant's pair; the button then polls for the run. */
export async function verifyNowAction(merchantId: string): Promise<ActionResult<{ jobId: string; enqueued: boolean }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const id = z.uuid("Not a merchant id").parse(merchantId);
    const { jobId, enqueued } = await requestVerification(actor, { merchantId: id });
    return { jobId, enqueued };
  });
}
