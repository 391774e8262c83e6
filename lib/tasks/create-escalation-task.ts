import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchants, staffTasks } from "@/db/schema";
import type { TaskLevel } from "@/db/vocabulary/tasks";
import type { Step } from "@/lib/pipeline/steps";
import { leadTaskNeeded, taskAssignee } from "./task-rules";

export type EscalationTaskInput = { merchantId: string; stage: Step; stepEnteredAt: Date; level: TaskLevel };

/**
 * Creates the "call the merchant" task of one escalation inside the caller's transaction (the one
 * that writes its timeline event). The unique index makes it exactly once per step occurrence and
 * level; `false` means nothing was created (already there, or the lead is not needed because the
 * specialist's task was marked done), and the caller then records no event either.
 */
export async function createEscalationTask(tx: Tx, input: EscalationTaskInput): Promise<boolean> {
  const occurrence = and(
    eq(staffTasks.merchantId, input.merchantId),
    eq(staffTasks.stage, input.stage),
    eq(staffTasks.stepEnteredAt, input.stepEnteredAt),
  );
  if (input.level === "lead") {
    // Locked, so a "Done" racing this escalation is either seen here or waits for it.
    const [specialistTask] = await tx
      .select({ doneAt: staffTasks.doneAt })
      .from(staffTasks)
      .where(and(occurrence, eq(staffTasks.level, "specialist")))
      .for("update");
    if (!leadTaskNeeded(specialistTask)) return false;
  }
  const [merchant] = await tx
    .select({ specialistId: merchants.specialistId })
    .from(merchants)
    .where(eq(merchants.id, input.merchantId));
  if (!merchant) return false;
  const created = await tx
    .insert(staffTasks)
    .values({
      merchantId: input.merchantId,
      stage: input.stage,
      stepEnteredAt: input.stepEnteredAt,
      level: input.level,
      assigneeId: taskAssignee(input.level, merchant.specialistId),
    })
    .onConflictDoNothing()
    .returning({ id: staffTasks.id });
  return created.length > 0;
}
