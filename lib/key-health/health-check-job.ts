import { JOB_NAMES } from "@/lib/jobs/queues";
import { dueCheck } from "./schedule-policy";

type DueRow = {
  merchantId: string;
  credentialId: string | null;
  nextLightCheckAt: Date | null;
  nextFullCheckAt: Date | null;
};

/**
 * The `health-check` job for a row's due slot, or null when nothing is due. The id names
 * merchant + kind + due slot, so the same slot enqueued twice (sweep, reconcile) is one job.
 */
export function healthCheckJob(row: DueRow, now: Date) {
  const due = dueCheck(row, now);
  if (!due || !row.credentialId) return null;
  const slot = due.dueAt.getTime();
  return {
    name: JOB_NAMES.healthCheck,
    data: {
      merchantId: row.merchantId,
      credentialId: row.credentialId,
      kind: due.kind,
      dueAt: due.dueAt.toISOString(),
    },
    opts: { jobId: `health-check.${row.merchantId}.${due.kind}.${slot}` },
  };
}
