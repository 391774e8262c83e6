import type { TaskCloseReason, TaskLevel } from "@/db/vocabulary/tasks";
import { can, type StaffActor } from "@/lib/auth/actor";

/**
 * The escalation tasks' rules as pure functions (decision 0033). The verbs around them read the
 * facts and write; the reminder policy (lib/reminders/policy.ts) says *when* each level is due.
 */

/** Who a new task is for: the merchant's specialist; a lead task is every lead's (no team relation exists). */
export function taskAssignee(level: TaskLevel, merchantSpecialistId: string | null): string | null {
  return level === "specialist" ? merchantSpecialistId : null;
}

/**
 * The lead is asked only while the specialist's task is still open: a specialist who called the
 * merchant and marked it done ends the escalation. No specialist task at all (an escalation recorded
 * before tasks existed) still reaches the lead.
 */
export function leadTaskNeeded(specialistTask: { doneAt: Date | null } | undefined): boolean {
  return !specialistTask || specialistTask.doneAt === null;
}

/** The facts that make an open task moot, in the order they are reported; null keeps it open. */
export function taskCloseReason(facts: {
  stepStillOpen: boolean;
  cancelled: boolean;
  onHold: boolean;
}): Exclude<TaskCloseReason, "done"> | null {
  if (!facts.stepStillOpen) return "step_done";
  if (facts.cancelled) return "cancelled";
  if (facts.onHold) return "on_hold";
  return null;
}

/** A specialist closes only their own tasks; leads and admins close any. */
export function mayCloseTask(actor: StaffActor, task: { assigneeId: string | null }): boolean {
  if (!can(actor, "tasks:work")) return false;
  return can(actor, "tasks:manage") || task.assigneeId === actor.id;
}

/** Whose tasks a person sees: their own; leads and admins also the unassigned ones (lead tasks). */
export function seesUnassignedTasks(actor: StaffActor): boolean {
  return can(actor, "tasks:manage");
}

export const TASK_LEVEL_LABELS: Record<TaskLevel, string> = {
  specialist: "Specialist",
  lead: "Lead",
};

export const TASK_CLOSE_WORDS: Record<TaskCloseReason, string> = {
  done: "marked done",
  step_done: "the step is done",
  cancelled: "the merchant was cancelled",
  on_hold: "the merchant is on hold",
};
