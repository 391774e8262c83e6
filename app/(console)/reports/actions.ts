"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { requestClockRecompute } from "@/lib/sla/request-clock-recompute";

/** "Recompute now": queues the full SLA clock recompute (deduplicated while one waits). */
export async function requestRecomputeAction(): Promise<ActionResult<{ jobId: string }>> {
  return runAction(async () => {
    const result = await requestClockRecompute(await requireActor());
    revalidatePath("/reports");
    return result;
  }, "Recompute queued: figures refresh as it runs.");
}
