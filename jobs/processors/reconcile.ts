import type { Job } from "bullmq";
import { reconcileHealthChecks } from "@/lib/key-health/reconcile-health-checks";
import { reconcileVerifications } from "@/lib/verification/reconcile-verifications";
import { parsePayload, tickPayload } from "@/lib/jobs/payloads";

/** `reconcile` tick (every minute, and once at worker start): re-queue what Redis forgot. */
export async function processReconcile(job: Job) {
  parsePayload(tickPayload, job.data);
  return reconcileNow();
}

/** The reconciliation itself; the worker also runs it when its Redis connection becomes ready. */
export async function reconcileNow() {
  const [health, verification] = await Promise.all([reconcileHealthChecks(), reconcileVerifications()]);
  return { ...health, verificationsRequeued: verification.requeued };
}
