import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { TASK_CLOSE_REASONS, TASK_LEVELS } from "@/db/vocabulary/tasks";
import { stage } from "./enums";
import { merchants } from "./merchants";
import { staffUsers } from "./staff-users";

export const taskLevel = pgEnum("task_level", TASK_LEVELS);
export const taskCloseReason = pgEnum("task_close_reason", TASK_CLOSE_REASONS);

/**
 * Work the reminders hand to staff when they run out (decision 0033): "call the merchant", first
 * for the assigned specialist, then for a lead. One row per step occurrence and level, written in
 * the transaction of the escalation's timeline event.
 */
export const staffTasks = pgTable(
  "staff_tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    stage: stage().notNull(),
    stepEnteredAt: timestamp({ withTimezone: true }).notNull(),
    level: taskLevel().notNull(),
    /** The specialist, or null: a lead task (and a specialist task of an unassigned merchant) is every lead's. */
    assigneeId: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp({ withTimezone: true }),
    /** Null when the facts closed it (step done, cancelled, on hold). */
    doneBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    closeReason: taskCloseReason(),
    /** What the call came to, in the closer's words. */
    outcome: text(),
  },
  (t) => [
    // Exactly once per step occurrence and level, however many reminder ticks race.
    uniqueIndex("staff_tasks_occurrence_level_idx").on(t.merchantId, t.stage, t.stepEnteredAt, t.level),
    // The nav count and /tasks: `where assignee_id = ? and done_at is null` (and the unassigned ones for leads).
    index("staff_tasks_open_assignee_idx")
      .on(t.assigneeId, t.createdAt)
      .where(sql`${t.doneAt} is null`),
    // The workspace banner and the tick's auto-close: a merchant's open tasks.
    index("staff_tasks_open_merchant_idx")
      .on(t.merchantId)
      .where(sql`${t.doneAt} is null`),
  ],
);

export type StaffTask = typeof staffTasks.$inferSelect;
