"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { completeTask } from "@/lib/tasks/complete-task";

const formSchema = z.object({ taskId: z.string().max(100), outcome: z.string().max(5000) });

/** "Done" on an escalation task: closes it with what the call came to (the verb checks whose task it is). */
export async function completeTaskAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const input = formSchema.parse({ taskId: formData.get("taskId") ?? "", outcome: formData.get("outcome") ?? "" });
    await completeTask(actor, input);
    // The nav count sits in the layout; the task shows on /tasks and on the merchant's workspace.
    revalidatePath("/", "layout");
  }, "Task done.");
}
