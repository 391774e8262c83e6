import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { actorId, type Actor } from "@/lib/auth/actor";
import type { QueueName } from "@/lib/jobs/queues";
import { merchantOfJob } from "./merchant-of-job";

/** What an admin did to the jobs; `describeAuditEntry` puts each in words. */
export type JobAuditAction =
  | "jobs.retried"
  | "jobs.promoted"
  | "jobs.removed"
  | "jobs.retried_all_failed"
  | "jobs.queue_paused"
  | "jobs.queue_resumed"
  | "jobs.cleaned";

/**
 * One audit row per job action, written after Redis accepted it (Redis and PostgreSQL share no
 * transaction; a row for an action that did not happen would be worse than the reverse). Job
 * entries are about a job (`queue/jobId`) or a whole queue; `merchantId` in the details lets the
 * audit trail name the merchant and filter by it.
 */
export async function auditJobAction(
  actor: Actor,
  action: JobAuditAction,
  target: { queue: QueueName; job?: { id: string; name: string; data: Record<string, unknown> } },
  details: Record<string, unknown> = {},
) {
  const { queue, job } = target;
  const merchant = job ? await merchantOfJob(job.data) : null;
  await db.insert(auditLog).values({
    actorId: actorId(actor),
    action,
    entityType: job ? "job" : "job_queue",
    entityId: job ? `${queue}/${job.id}` : queue,
    details: {
      queue,
      ...(job ? { jobId: job.id, jobName: job.name } : {}),
      ...(merchant ? { merchantId: merchant.id } : {}),
      ...details,
    },
  });
}
