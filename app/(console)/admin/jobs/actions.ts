"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { retryFailedJob } from "@/lib/jobs/admin";

const inputSchema = z.object({ queue: z.string().min(1).max(50), jobId: z.string().min(1).max(300) });

/** Retry a failed job (jobs:manage, checked by the verb). */
export async function retryJobAction(input: { queue: string; jobId: string }): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    await retryFailedJob(actor, inputSchema.parse(input));
    revalidatePath("/admin/jobs");
    return undefined;
  }, "Job queued again.");
}
