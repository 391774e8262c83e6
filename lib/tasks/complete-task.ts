import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { staffTasks } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { insertAudit } from "@/lib/onboarding/merchant-write";
import { recordMerchantEvent } from "@/lib/onboarding/record-merchant-event";
import { parseInput } from "@/lib/validation/parse-input";
import { textInput } from "@/lib/validation/text";
import { mayCloseTask } from "./task-rules";

const inputSchema = z.object({
  taskId: z.uuid("Not a task id"),
  outcome: textInput().min(1, "Say what the call came to").max(2000, "At most 2,000 characters"),
});

/**
 * "Done": the person who called the merchant closes the task with what came of it. A specialist
 * closes only their own tasks, leads and admins any; audited, and said on the merchant's timeline.
 */
export async function completeTask(actor: StaffActor, input: unknown): Promise<void> {
  authorize(actor, "tasks:work");
  const { taskId, outcome } = parseInput(inputSchema, input);
  await db.transaction(async (tx) => {
    const [task] = await tx.select().from(staffTasks).where(eq(staffTasks.id, taskId)).for("update");
    if (!task) throw new NotFoundError("Task");
    if (!mayCloseTask(actor, task)) throw new ForbiddenError("This task is someone else's; a lead can close it.");
    if (task.doneAt) throw new ConflictError("This task is already closed.");
    const now = new Date();
    await tx
      .update(staffTasks)
      .set({ doneAt: now, doneBy: actor.id, closeReason: "done", outcome })
      .where(eq(staffTasks.id, taskId));
    const evidence = { action: "task_done", level: task.level };
    await recordMerchantEvent(tx, {
      merchantId: task.merchantId,
      actor,
      type: "reminder",
      stage: task.stage,
      evidence,
      note: outcome,
    });
    await insertAudit(tx, actor, "task_done", task.merchantId, {
      taskId,
      stage: task.stage,
      level: task.level,
      outcome,
    });
  });
}
