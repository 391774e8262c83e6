import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { slaClockRecomputes, slaStepClocks } from "@/db/schema";
import { startWorkers, type RunningWorkers } from "@/jobs/start-workers";
import { ForbiddenError } from "@/lib/errors";
import { closeQueues, getQueue } from "@/lib/jobs/queues";
import { loadReportFreshness } from "@/lib/sla/reports/report-freshness";
import { requestClockRecompute } from "@/lib/sla/request-clock-recompute";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { rewriteHistory } from "@/tests/helpers/rewrite-history";

let running: RunningWorkers | undefined;
beforeAll(() => {
  running = startWorkers({ concurrency: {}, lockDuration: 30_000, schedulers: false }, ["reports"]);
});
afterAll(async () => {
  await running?.close();
  await closeQueues();
});

async function waitFor<T>(probe: () => Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the full SLA clock recompute", () => {
  it("keeps clocks current with every event, and the job rebuilds rows that went stale", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant({ country: "NL" }, { completed: ["user_created", "user_approved"] });
    const rows = () => db.select().from(slaStepClocks).where(eq(slaStepClocks.merchantId, merchant.id));
    // Written with the events, in the same transactions: no job needed for that.
    expect((await rows()).map((r) => r.step).sort()).toEqual([
      "end_to_end",
      "password_reset",
      "user_approved",
      "user_created",
    ]);

    // Rows gone stale (as after a policy change): the job puts them back from the events.
    await rewriteHistory(
      (tx) => tx`update sla_step_clocks set agency_work_seconds = 999999 where merchant_id = ${merchant.id}`,
    );
    const { jobId } = await requestClockRecompute(lead.actor);
    const job = await waitFor(async () => {
      const j = await getQueue("reports").getJob(jobId);
      return (await j?.isCompleted()) ? j : null;
    }, "the recompute job");
    expect(job.progress).toBe(100);
    expect((await rows()).every((r) => r.agencyWorkSeconds < 999999)).toBe(true);

    const [record] = await db.select().from(slaClockRecomputes).orderBy(desc(slaClockRecomputes.startedAt)).limit(1);
    expect(record).toMatchObject({ requestedBy: lead.user.id, ok: true });
    expect(record!.finishedAt).not.toBeNull();
    const freshness = await loadReportFreshness(lead.actor);
    expect(freshness.lastRecompute?.finishedAt).toEqual(record!.finishedAt);
    expect(freshness.queueKnown).toBe(true);
  });

  it("only leads and admins may start one", async () => {
    const specialist = await createStaff({ role: "specialist" });
    await expect(requestClockRecompute(specialist.actor)).rejects.toThrow(ForbiddenError);
  });
});
