import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { staffTasks } from "@/db/schema";
import type { Step } from "@/lib/pipeline/steps";
import { leadTaskNeeded } from "./task-rules";

/** Whether the specialist's task of this step occurrence was marked done, so the lead will not be asked. */
export async function specialistCalled(occurrence: {
  merchantId: string;
  stage: Step;
  stepEnteredAt: Date;
}): Promise<boolean> {
  const [task] = await db
    .select({ doneAt: staffTasks.doneAt })
    .from(staffTasks)
    .where(
      and(
        eq(staffTasks.merchantId, occurrence.merchantId),
        eq(staffTasks.stage, occurrence.stage),
        eq(staffTasks.stepEnteredAt, occurrence.stepEnteredAt),
        eq(staffTasks.level, "specialist"),
      ),
    );
  return !!task && !leadTaskNeeded(task);
}
