import { desc } from "drizzle-orm";
import { db } from "@/db/client";
import { slaClockRecomputes } from "@/db/schema";
import { type StaffActor, authorize } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { JOB_NAMES, getQueue } from "@/lib/jobs/queues";
import type { ReportFreshness } from "./sla-report";

/**
 * How fresh the report's figures are: clocks follow every event in the same transaction, so
 * what can lag is a policy or calendar change until the full recompute has run. The newest
 * recompute and a waiting or running one (with its progress) tell the reader which.
 */
export async function loadReportFreshness(actor: StaffActor): Promise<ReportFreshness> {
  authorize(actor, "reports:read");
  const [last] = await db
    .select({
      startedAt: slaClockRecomputes.startedAt,
      finishedAt: slaClockRecomputes.finishedAt,
      merchants: slaClockRecomputes.merchants,
      ok: slaClockRecomputes.ok,
    })
    .from(slaClockRecomputes)
    .orderBy(desc(slaClockRecomputes.startedAt))
    .limit(1);
  try {
    const jobs = await queueCall(() => getQueue("reports").getJobs(["active", "waiting"], 0, 10), { deadlineMs: 1000 });
    const job = jobs.find((j) => j?.name === JOB_NAMES.slaRecompute);
    const running = job
      ? { state: (await job.isActive()) ? "running" : "waiting", progress: Number(job.progress) || 0 }
      : null;
    return { lastRecompute: last ?? null, running, queueKnown: true };
  } catch {
    // The figures themselves come from PostgreSQL; an unreachable queue only hides the progress.
    return { lastRecompute: last ?? null, running: null, queueKnown: false };
  }
}
