import { lt } from "drizzle-orm";
import { db } from "@/db/client";
import { reminderSequences } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { recordMerchantEvent } from "@/lib/onboarding/record-merchant-event";
import type { Step } from "@/lib/pipeline/steps";
import { createEscalationTask } from "@/lib/tasks/create-escalation-task";

const planner = systemActor("reminders");

export type Escalation = {
  merchantId: string;
  stage: Step;
  stepEnteredAt: Date;
  sent: number;
  to: "specialist" | "lead";
  level: 1 | 2;
};

/**
 * The reminders ran out: the specialist (then the lead) is asked to call the merchant. The task
 * (lib/tasks) and its timeline event are written with the sequence's level in one transaction, so
 * nobody is asked twice; a lead escalation whose specialist task was marked done only moves the level.
 */
export async function recordEscalations(escalations: readonly Escalation[], now: Date): Promise<void> {
  for (const e of escalations) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(reminderSequences)
        .values({
          merchantId: e.merchantId,
          stage: e.stage,
          stepEnteredAt: e.stepEnteredAt,
          sent: e.sent,
          escalationLevel: e.level,
          lastActionAt: now,
        })
        .onConflictDoUpdate({
          target: [reminderSequences.merchantId, reminderSequences.stage, reminderSequences.stepEnteredAt],
          set: { escalationLevel: e.level, lastActionAt: now },
          setWhere: sqlLevelBelow(e.level),
        })
        .returning({ level: reminderSequences.escalationLevel });
      if (!row) return;
      const created = await createEscalationTask(tx, { ...e, level: e.to });
      if (!created) return;
      await recordMerchantEvent(tx, {
        merchantId: e.merchantId,
        actor: planner,
        type: "reminder",
        stage: e.stage,
        evidence: { action: "escalated", to: e.to, sent: e.sent },
      });
    });
  }
}

const sqlLevelBelow = (level: number) => lt(reminderSequences.escalationLevel, level);
