import { createLogger } from "@/lib/logger";
import { closeSettledTasks } from "@/lib/tasks/close-settled-tasks";
import { enqueueDueEmails } from "./outbox/enqueue-due-emails";
import { planDueReminders, type PlanResult } from "./plan-due-reminders";

const log = createLogger("reminders");

/**
 * The `reminder-tick` (every minute): plan what is due for every merchant (escalations create
 * staff tasks), close the tasks whose step moved on, then hand due emails to the mailers.
 */
export async function runReminderTick(
  now = new Date(),
): Promise<PlanResult & { tasksClosed: number; enqueued: number }> {
  const plan = await planDueReminders(now);
  const tasksClosed = await closeSettledTasks(now);
  const enqueued = await enqueueDueEmails();
  if (plan.planned || plan.escalated || plan.stopped || tasksClosed || enqueued) {
    log.info("reminder tick", { ...plan, tasksClosed, enqueued });
  }
  return { ...plan, tasksClosed, enqueued };
}
