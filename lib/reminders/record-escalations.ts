import { sql } from "@/db/client";
import type { Step } from "@/lib/pipeline/steps";
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
 * The reminders ran out: the specialist (then the lead) is asked to call the merchant. The task is
 * the timeline event (the workspace and the digests read it); the sequence remembers the level so
 * nobody is asked twice (a sequence already at that level writes nothing). One statement per few
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
      evidence: { action: "escalated", to: e.to, sent: e.sent },
    }));
    await sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(input)}::text::jsonb)
          as t(merchant_id uuid, stage stage, step_entered_at timestamptz, sent int, level int, evidence jsonb)
      ), escalated as (
        insert into reminder_sequences as q (merchant_id, stage, step_entered_at, sent, escalation_level, last_action_at)
        select merchant_id, stage, step_entered_at, sent, level, ${now.toISOString()}::timestamptz from input
        on conflict (merchant_id, stage, step_entered_at) do update
          set escalation_level = excluded.escalation_level, last_action_at = excluded.last_action_at
          where q.escalation_level < excluded.escalation_level
        returning q.merchant_id, q.stage, q.step_entered_at
      ), source as (
        select e.merchant_id, e.stage, i.evidence from escalated e
        join input i on i.merchant_id = e.merchant_id and i.stage = e.stage and i.step_entered_at = e.step_entered_at
      ), ${timelineCtes(sql, "source", "reminder")}
      select count(*)::int as escalated from source`;
  }
}
