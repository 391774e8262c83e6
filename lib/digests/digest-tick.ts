import { createLogger } from "@/lib/logger";
import { enqueueDueEmails } from "@/lib/reminders/outbox/enqueue-due-emails";
import { planDueDigests, type DigestPlanResult } from "./plan-due-digests";

const log = createLogger("digests");

/**
 * The `digest-tick` (every 5 minutes): plan the digests now due, then hand them to the mailers at
 * once (the reminder tick would pick them up within a minute anyway).
 */
export async function runDigestTick(now = new Date()): Promise<DigestPlanResult & { enqueued: number }> {
  const plan = await planDueDigests(now);
  const enqueued = plan.ids.length ? await enqueueDueEmails({ ids: plan.ids }) : 0;
  if (plan.planned) log.info("digest tick", { due: plan.due, planned: plan.planned, enqueued });
  return { ...plan, enqueued };
}
