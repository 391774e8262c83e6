import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { parseAuditParams } from "@/lib/audit/audit-params";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import {
  cleanJobs,
  getJobDetail,
  listQueueJobs,
  pauseQueue,
  promoteJob,
  removeJob,
  resumeQueue,
  retryAllFailed,
  retryFailedJob,
} from "@/lib/jobs/admin";
import { QUEUE_NAMES, closeQueues, getQueue } from "@/lib/jobs/queues";
import { createJob } from "@/tests/factories/jobs";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";

const ZONE = "Europe/Amsterdam";

// Each test starts from empty queues (this vitest worker's own Redis prefix; no workers run here).
beforeEach(async () => {
  for (const name of QUEUE_NAMES) await getQueue(name).obliterate({ force: true });
});
afterAll(closeQueues);

async function auditTexts(admin: CreatedStaff) {
  const { entries } = await listAuditEntries(admin.actor, parseAuditParams({ actor: admin.user.id }), ZONE);
  return entries.map((e) => e.text).reverse();
}

/** A failed health check of "Wijnhuis De Bron", with the log lines its processor wrote. */
async function failedHealthCheck() {
  const merchant = await createMerchant({ shopName: "Wijnhuis De Bron" });
  const data = { merchantId: merchant.id, credentialId: randomUUID(), kind: "light", dueAt: new Date().toISOString() };
  const job = await createJob(
    "failed",
    { queue: "health", name: "health-check", data, logs: ["Running the light check.", "Attempt 1 of 1 failed."] },
    { failedReason: "Lightspeed did not answer" },
  );
  return { merchant, job, ref: { queue: "health", jobId: job.id! } };
}

describe("jobs by state, with paging", () => {
  it("lists a queue's jobs of one state newest first, 25 a page, with every state's count", async () => {
    const admin = await createStaff({ role: "admin" });
    for (let i = 0; i < 27; i++) await createJob("failed", { queue: "scheduler", jobId: `tick.${i}` });
    await createJob("waiting", { queue: "scheduler" });
    await createJob("delayed", { queue: "scheduler" });

    const first = await listQueueJobs(admin.actor, { queue: "scheduler", state: "failed" });
    expect(first).toMatchObject({ total: 27, page: 1, pageSize: 25 });
    expect(first.counts).toMatchObject({ failed: 27, waiting: 1, delayed: 1, completed: 0, active: 0 });
    expect(first.jobs).toHaveLength(25);
    expect(first.jobs[0]?.id).toBe("tick.26");
    expect(first.jobs.every((j) => j.state === "failed")).toBe(true);

    const last = await listQueueJobs(admin.actor, { queue: "scheduler", state: "failed", page: 2 });
    expect(last.jobs.map((j) => j.id)).toEqual(["tick.1", "tick.0"]);
    // A page past the end shows the last page rather than an empty one.
    const beyond = await listQueueJobs(admin.actor, { queue: "scheduler", state: "failed", page: 9 });
    expect(beyond.page).toBe(2);

    const delayed = await listQueueJobs(admin.actor, { queue: "scheduler", state: "delayed" });
    expect(delayed.jobs).toHaveLength(1);
    const empty = await listQueueJobs(admin.actor, { queue: "health", state: "waiting-children" });
    expect(empty).toMatchObject({ total: 0, page: 1, jobs: [] });
  });

  it("shows a failed job's payload, attempts, times, failure, stack, logs and merchant", async () => {
    const admin = await createStaff({ role: "admin" });
    const { merchant, ref } = await failedHealthCheck();
    const detail = await getJobDetail(admin.actor, ref);
    expect(detail).toMatchObject({
      name: "health-check",
      state: "failed",
      attemptsMade: 1,
      maxAttempts: 1,
      failedReason: "Lightspeed did not answer",
      logs: ["Running the light check.", "Attempt 1 of 1 failed."],
      merchant: { id: merchant.id, shopName: "Wijnhuis De Bron" },
    });
    expect(detail.data).toMatchObject({ merchantId: merchant.id, kind: "light" });
    expect(detail.stacktrace[0]).toContain("Error: Lightspeed did not answer");
    expect(detail.processedAt).toBeInstanceOf(Date);
    expect(detail.finishedAt!.getTime()).toBeGreaterThanOrEqual(detail.processedAt!.getTime());
    expect(detail.durationMs).toBeGreaterThanOrEqual(0);
    await expect(getJobDetail(admin.actor, { queue: "health", jobId: "nope" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getJobDetail(admin.actor, { queue: "mail", jobId: "x" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("job actions as an admin", () => {
  it("retries a failed job, promotes a delayed one and removes one, each audited in words", async () => {
    const admin = await createStaff({ role: "admin", name: "Ada Admin" });
    const { ref } = await failedHealthCheck();
    await retryFailedJob(admin.actor, ref);
    expect(
      await getQueue("health")
        .getJob(ref.jobId)
        .then((j) => j?.getState()),
    ).toBe("waiting");
    await expect(retryFailedJob(admin.actor, ref)).rejects.toBeInstanceOf(RuleViolationError);

    const delayed = await createJob("delayed", { queue: "scheduler", name: "reconcile" });
    await promoteJob(admin.actor, { queue: "scheduler", jobId: delayed.id! });
    expect(await delayed.getState()).toBe("waiting");
    await expect(promoteJob(admin.actor, { queue: "scheduler", jobId: delayed.id! })).rejects.toBeInstanceOf(
      RuleViolationError,
    );

    await removeJob(admin.actor, ref);
    expect(await getQueue("health").getJob(ref.jobId)).toBeUndefined();
    expect(await getQueue("health").getJobLogs(ref.jobId)).toMatchObject({ count: 0 });

    expect(await auditTexts(admin)).toEqual([
      "Ada Admin retried the failed health-check job of Wijnhuis De Bron (health queue)",
      "Ada Admin ran the delayed reconcile job (scheduler queue)",
      "Ada Admin removed the health-check job of Wijnhuis De Bron (health queue)",
    ]);
  });

  it("retries all failed jobs, pauses and resumes a queue, and cleans finished jobs older than N", async () => {
    const admin = await createStaff({ role: "admin", name: "Ada Admin" });
    for (let i = 0; i < 3; i++) await createJob("failed", { queue: "verification", name: "verify-key" });
    expect(await retryAllFailed(admin.actor, { queue: "verification" })).toEqual({ count: 3 });
    expect(await getQueue("verification").getJobCounts("failed", "waiting")).toMatchObject({ failed: 0, waiting: 3 });

    await pauseQueue(admin.actor, { queue: "health" });
    expect(await getQueue("health").isPaused()).toBe(true);
    await pauseQueue(admin.actor, { queue: "health" }); // already paused: no second audit row
    await resumeQueue(admin.actor, { queue: "health" });
    expect(await getQueue("health").isPaused()).toBe(false);

    for (let i = 0; i < 2; i++) await createJob("completed", { queue: "scheduler" });
    await createJob("failed", { queue: "scheduler" });
    // Nothing finished an hour ago yet; everything finished more than 0 minutes ago.
    expect(
      await cleanJobs(admin.actor, { queue: "scheduler", state: "completed", olderThan: 1, unit: "hours" }),
    ).toEqual({ count: 0 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(
      await cleanJobs(admin.actor, { queue: "scheduler", state: "completed", olderThan: 0, unit: "minutes" }),
    ).toEqual({ count: 2 });
    expect(await getQueue("scheduler").getJobCounts("completed", "failed")).toEqual({ completed: 0, failed: 1 });
    await expect(
      cleanJobs(admin.actor, { queue: "scheduler", state: "completed", olderThan: "soon", unit: "hours" }),
    ).rejects.toMatchObject({ message: "Enter a number." });

    expect(await auditTexts(admin)).toEqual([
      "Ada Admin retried all failed jobs of the verification queue (3)",
      "Ada Admin paused the health queue",
      "Ada Admin resumed the health queue",
      "Ada Admin cleaned up 0 completed jobs older than 1 hour from the scheduler queue",
      "Ada Admin cleaned up 2 completed jobs older than 0 minutes from the scheduler queue",
    ]);
  });
});

describe("job actions by a lead or a specialist", () => {
  it.each(["lead", "specialist"] as const)("are refused for a %s, and change nothing", async (role) => {
    const other = await createStaff({ role });
    const { ref } = await failedHealthCheck();
    const delayed = await createJob("delayed", { queue: "scheduler" });
    const refused = [
      listQueueJobs(other.actor, { queue: "health", state: "failed" }),
      getJobDetail(other.actor, ref),
      retryFailedJob(other.actor, ref),
      promoteJob(other.actor, { queue: "scheduler", jobId: delayed.id! }),
      removeJob(other.actor, ref),
      retryAllFailed(other.actor, { queue: "health" }),
      pauseQueue(other.actor, { queue: "health" }),
      resumeQueue(other.actor, { queue: "health" }),
      cleanJobs(other.actor, { queue: "health", state: "failed", olderThan: 0, unit: "minutes" }),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await getQueue("health")
        .getJob(ref.jobId)
        .then((j) => j?.getState()),
    ).toBe("failed");
    expect(await delayed.getState()).toBe("delayed");
    expect(await getQueue("health").isPaused()).toBe(false);
    const admin = await createStaff({ role: "admin" });
    const { entries } = await listAuditEntries(admin.actor, parseAuditParams({ actor: other.user.id }), ZONE);
    expect(entries.filter((e) => e.action.startsWith("jobs."))).toEqual([]);
  });
});
