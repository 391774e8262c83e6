import type { PendingQuery, Row, Sql } from "postgres";

/**
 * The task half of a set-based escalation write (lib/reminders/record-escalations.ts), as a CTE to
 * append to a statement whose CTE `source` yields (merchant_id, stage, step_entered_at, level):
 * one "call the merchant" task per row, exactly once per step occurrence and level (the unique
 * index; `on conflict do nothing`). The rules are task-rules.ts's, in SQL: a specialist task is
 * the merchant's specialist's (`taskAssignee`), a lead task has no assignee and is created only
 * while the specialist's task is not marked done (`leadTaskNeeded`). `created_tasks` yields the
 * rows actually created: only those get a timeline event.
 */
export function escalationTaskCtes(sql: Sql, source: string): PendingQuery<Row[]> {
  return sql`
    created_tasks as (
      insert into staff_tasks (merchant_id, stage, step_entered_at, level, assignee_id)
      select s.merchant_id, s.stage, s.step_entered_at, s.level::task_level,
        case when s.level = 'specialist' then m.specialist_id end
      from ${sql(source)} s join merchants m on m.id = s.merchant_id
      where s.level = 'specialist' or not exists (
        select 1 from staff_tasks t
        where t.merchant_id = s.merchant_id and t.stage = s.stage and t.step_entered_at = s.step_entered_at
          and t.level = 'specialist' and t.done_at is not null)
      on conflict do nothing
      returning merchant_id, stage, step_entered_at
    )`;
}
