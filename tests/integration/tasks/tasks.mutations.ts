import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { staffTasks } from "@/db/schema";
import { completeTask } from "@/lib/tasks/complete-task";
import { createMerchant } from "@/tests/factories/merchant";
import { defineMutations } from "@/tests/helpers/mutations";

/** An unassigned task (a lead's): only leads and admins may mark it done (a specialist only their own). */
export default defineMutations([
  {
    name: "tasks: mark an unassigned escalation task done",
    permission: "tasks:manage",
    arrange: async () => {
      const merchant = await createMerchant();
      const [task] = await db
        .insert(staffTasks)
        .values({
          merchantId: merchant.id,
          stage: "user_created",
          stepEnteredAt: merchant.stageEnteredAt,
          level: "lead",
        })
        .returning();
      return { task: task! };
    },
    act: (actor, { task }) => completeTask(actor!, { taskId: task.id, outcome: "Called the merchant." }),
    happened: async ({ task }) =>
      (await db.select().from(staffTasks).where(eq(staffTasks.id, task.id)))[0]?.doneAt !== null,
  },
]);
