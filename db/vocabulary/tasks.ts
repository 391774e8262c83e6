/**
 * Escalation-task vocabularies (lib/tasks): one tuple each feeds the pg enum, the zod enum and the labels.
 * specialist: the merchant's specialist is asked to call; lead: the specialist's task stayed open past the wait.
 */
export const TASK_LEVELS = ["specialist", "lead"] as const;
export type TaskLevel = (typeof TASK_LEVELS)[number];

/** Why a task closed: a person marked it done, or the facts made it moot (recorded by the reminder tick). */
export const TASK_CLOSE_REASONS = ["done", "step_done", "cancelled", "on_hold"] as const;
export type TaskCloseReason = (typeof TASK_CLOSE_REASONS)[number];
