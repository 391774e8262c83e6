import { batchTransaction } from "@/db/batch-transaction";
import { sql } from "@/db/client";
import type { Step } from "@/lib/pipeline/steps";
import { escalationTaskCtes } from "@/lib/tasks/create-escalation-task";
import { timelineCtes } from "./timeline-sql";

export type Escalation = {
  merchantId: string;
  stage: Step;
  stepEnteredAt: Date;
  sent: number;
  to: "specialist" | "lead";
  level: 1 | 2;
};

const WRITE_CHUNK = 5000;

/**
 * The reminders ran out: the specialist (then the lead) is asked to call the merchant. The sequence
 * remembers the level so nobody is asked twice (a sequence already at that level writes nothing);
 * the task (lib/tasks) and its timeline event are written in the same statement, and a lead
 * escalation whose specialist task was marked done only moves the level. One statement per few
 * thousand escalations.
 */
export async function recordEscalations(escalations: readonly Escalation[], now: Date): Promise<void> {
  for (let i = 0; i < escalations.length; i += WRITE_CHUNK) {
    const input = escalations.slice(i, i + WRITE_CHUNK).map((e) => ({
      merchant_id: e.merchantId,
      stage: e.stage,
      step_entered_at: e.stepEnteredAt.toISOString(),
      sent: e.sent,
      level: e.level,
      level_name: e.to,
      evidence: { action: "escalated", to: e.to, sent: e.sent },
    }));
    await batchTransaction(
      (tx) => tx`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(input)}::text::jsonb)
          as t(merchant_id uuid, stage stage, step_entered_at timestamptz, sent int, level int, level_name text, evidence jsonb)
      ), escalated as (
        insert into reminder_sequences as q (merchant_id, stage, step_entered_at, sent, escalation_level, last_action_at)
        select merchant_id, stage, step_entered_at, sent, level, ${now.toISOString()}::timestamptz from input
        on conflict (merchant_id, stage, step_entered_at) do update
          set escalation_level = excluded.escalation_level, last_action_at = excluded.last_action_at
          where q.escalation_level < excluded.escalation_level
        returning q.merchant_id, q.stage, q.step_entered_at
      ), to_task as (
        select e.merchant_id, e.stage, e.step_entered_at, i.level_name as level from escalated e
        join input i on i.merchant_id = e.merchant_id and i.stage = e.stage and i.step_entered_at = e.step_entered_at
      ), ${escalationTaskCtes(sql, "to_task")}, source as (
        select c.merchant_id, c.stage, i.evidence from created_tasks c
        join input i on i.merchant_id = c.merchant_id and i.stage = c.stage and i.step_entered_at = c.step_entered_at
      ), ${timelineCtes(sql, "source", "reminder")}
      select count(*)::int as escalated from source`,
      { writes: true },
    );
  }
}
