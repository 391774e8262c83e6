import { and, eq, isNull } from "drizzle-orm";
import { db, sql } from "@/db/client";
import { staffTasks } from "@/db/schema";
import type { TaskLevel } from "@/db/vocabulary/tasks";
import { systemActor } from "@/lib/auth/actor";
import { recordMerchantEvent } from "@/lib/onboarding/record-merchant-event";
import { isHoldActive } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";
import { taskCloseReason } from "./task-rules";

const tick = systemActor("tasks");

type OpenTask = {
  id: string;
  merchant_id: string;
  stage: Step;
  level: TaskLevel;
  step_still_open: boolean;
  cancelled: boolean;
  on_hold: boolean;
  hold_until: Date | string | null;
};

/**
 * Closes the open tasks whose facts made them moot (run by the reminder tick): the step completed
 * or moved on (also undo and "merchant must act" cleared by a re-check), the merchant was cancelled
 * or put on hold. The task keeps the reason and the timeline says it in words.
 */
export async function closeSettledTasks(now: Date): Promise<number> {
  const rows = await sql<OpenTask[]>`
    select t.id, t.merchant_id, t.stage, t.level,
      (m.current_stage = t.stage and m.stage_entered_at = t.step_entered_at and m.ball_in_court = 'merchant') as step_still_open,
      m.cancelled_at is not null as cancelled, m.on_hold, m.hold_until
    from staff_tasks t
    join merchants m on m.id = t.merchant_id
    where t.done_at is null and (
      m.current_stage is distinct from t.stage or m.stage_entered_at <> t.step_entered_at
      or m.ball_in_court is distinct from 'merchant' or m.cancelled_at is not null or m.on_hold)`;
  let closed = 0;
  for (const row of rows) {
    const reason = taskCloseReason({
      stepStillOpen: row.step_still_open,
      cancelled: row.cancelled,
      // The drizzle-wrapped client leaves timestamps as strings.
      onHold: isHoldActive({ onHold: row.on_hold, holdUntil: row.hold_until ? new Date(row.hold_until) : null }, now),
    });
    if (!reason) continue;
    await db.transaction(async (tx) => {
      const ended = await tx
        .update(staffTasks)
        .set({ doneAt: now, closeReason: reason })
        .where(and(eq(staffTasks.id, row.id), isNull(staffTasks.doneAt)))
        .returning({ id: staffTasks.id });
      if (!ended.length) return;
      await recordMerchantEvent(tx, {
        merchantId: row.merchant_id,
        actor: tick,
        type: "reminder",
        stage: row.stage,
        evidence: { action: "task_closed", level: row.level, reason },
      });
      closed++;
    });
  }
  return closed;
}
