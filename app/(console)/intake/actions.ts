"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { assignIntakeMessage, dismissIntakeMessage } from "@/lib/intake";

const assignSchema = z.object({ messageId: z.string().max(64), merchant: z.string().max(320) });
const dismissSchema = z.object({ messageId: z.string().max(64) });

/** Assign a triage message to the merchant named by shop domain or contact email (intake:triage). */
export async function assignIntakeAction(input: { messageId: string; merchant: string }): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const result = await assignIntakeMessage(actor, assignSchema.parse(input));
    revalidatePath("/intake");
    revalidatePath(`/merchants/${result.merchantId}`);
    return undefined;
  }, "Assigned; what the mail held is recorded for the merchant.");
}

/** "Not relevant": closes the message and drops its sealed tokens. */
export async function dismissIntakeAction(input: { messageId: string }): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    await dismissIntakeMessage(actor, dismissSchema.parse(input));
    revalidatePath("/intake");
    return undefined;
  }, "Marked not relevant.");
}
