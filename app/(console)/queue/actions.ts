"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { bulkAssign } from "@/lib/work-queue/bulk-assign";

/** Bulk assign from the queue's selection; `specialistId` null unassigns. */
export async function bulkAssignAction(input: {
  merchantIds: string[];
  specialistId: string | null;
}): Promise<ActionResult<{ updated: number }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const result = await bulkAssign(actor, input);
    revalidatePath("/queue");
    return result;
  });
}
