import { UnrecoverableError, type Job } from "bullmq";
import { JOB_NAMES, type JobName } from "@/lib/jobs/queues";
import { processHealthCheck } from "./health-check";
import { processHealthSweep } from "./health-sweep";
import { processIncidentCanary } from "./incident-canary";
import { processIntakePoll } from "./intake-poll";
import { processPlatformIncident } from "./platform-incident";
import { processReconcile } from "./reconcile";
import { processSlaReportSummary, processSlaSweep } from "./sla";
import { processSlaRecompute } from "./sla-recompute";
import { processReminderTick } from "./reminder-tick";
import { processDigestTick } from "./digest-tick";
import { processSendEmail } from "./send-email";
import { processVerifyKey } from "./verify-key";

const PROCESSORS: Record<JobName, (job: Job) => Promise<unknown>> = {
  [JOB_NAMES.verifyKey]: processVerifyKey,
  [JOB_NAMES.healthCheck]: processHealthCheck,
  [JOB_NAMES.healthSweep]: processHealthSweep,
  [JOB_NAMES.platformIncident]: processPlatformIncident,
  [JOB_NAMES.reconcile]: processReconcile,
  [JOB_NAMES.incidentCanary]: processIncidentCanary,
  [JOB_NAMES.slaSweep]: processSlaSweep,
  [JOB_NAMES.intakePoll]: processIntakePoll,
  [JOB_NAMES.slaRecompute]: processSlaRecompute,
  [JOB_NAMES.slaReportSummary]: processSlaReportSummary,
  [JOB_NAMES.reminderTick]: processReminderTick,
  [JOB_NAMES.sendEmail]: processSendEmail,
  [JOB_NAMES.digestTick]: processDigestTick,
};

/** Routes a job to its processor by name; an unknown name can never succeed. */
export async function processJob(job: Job): Promise<unknown> {
  const processor = PROCESSORS[job.name as JobName];
  if (!processor) throw new UnrecoverableError(`No processor for job "${job.name}"`);
  return processor(job);
}
