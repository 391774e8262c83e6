import { createLogger } from "@/lib/logger";
import { enqueueDueEmails } from "./outbox/enqueue-due-emails";
import { planDueReminders, type PlanResult } from "./plan-due-reminders";

const log = createLogger("reminders");

/** The `reminder-tick` (every minute): plan what is due for every merchant, then hand due emails to the mailers. */
export async function runReminderTick(now = new Date()): Promise<PlanResult & { enqueued: number }> {
  const plan = await planDueReminders(now);
  const enqueued = await enqueueDueEmails();
  if (plan.planned || plan.escalated || plan.stopped || enqueued) log.info("reminder tick", { ...plan, enqueued });
  return { ...plan, enqueued };
}
