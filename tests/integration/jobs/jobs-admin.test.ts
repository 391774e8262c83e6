import { describe, expect, it } from "vitest";
import { getQueue } from "@/lib/jobs/queues";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { getQueueOverview, listFailedJobs, listMerchantJobs, retryFailedJob } from "@/lib/jobs/admin";
import { enqueueVerification } from "@/lib/verification";
import { createMerchant, ONBOARDED } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { drained, waitFor, withWorkers } from "@/tests/helpers/jobs";
import { withSimulator } from "@/tests/helpers/simulator";

const lightspeed = withSimulator();
withWorkers(["verification"]);

describe("/admin/jobs", () => {
  it("shows queue counts and live workers, lists a failed job with its error, and retries it", async () => {
    const admin = await createStaff({ role: "admin" });
    const specialist = await createStaff();
    const merchant = await createMerchant({ language: "nl", cluster: "eu1" }, { completed: ONBOARDED });
    const pair = lightspeed.addKey();
    const { credentialId } = await recordKeyHalf(specialist.actor, { merchantId: merchant.id, key: pair.key });

    // "Verify now" before the secret arrived: the job cannot succeed and fails without retries.
    const { jobId } = await enqueueVerification({ credentialId, trigger: "verify_now" });
    await waitFor(async () => (await getQueue("verification").getJob(jobId))?.failedReason, "the job to fail");

    const failed = (await listFailedJobs(admin.actor)).find((j) => j.id === jobId);
    expect(failed).toMatchObject({
      queue: "verification",
      name: "verify-key",
      state: "failed",
      attemptsMade: 1,
      data: { credentialId, trigger: "verify_now" },
    });
    expect(failed?.failedReason).toBe("NotFoundError: A complete key and secret pair was not found.");

    const overview = await getQueueOverview(admin.actor);
    const verification = overview.find((q) => q.name === "verification")!;
    expect(verification.workers.length).toBeGreaterThanOrEqual(1);
    expect(verification.counts.failed).toBeGreaterThanOrEqual(1);

    // The secret arrives; the admin retries the failed job, which now completes.
    await recordSecretHalf(specialist.actor, { merchantId: merchant.id, secret: pair.secret });
    await retryFailedJob(admin.actor, { queue: "verification", jobId });
    await waitFor(
      async () =>
        (await getQueue("verification")
          .getJob(jobId)
          .then((j) => j?.getState())) === "completed",
      "the retried job to complete",
    );
    await drained();
    await expect(retryFailedJob(admin.actor, { queue: "verification", jobId })).rejects.toBeInstanceOf(
      RuleViolationError,
    );

    const scoped = await listMerchantJobs(admin.actor, { merchantId: merchant.id });
    expect(scoped.map((j) => j.id)).toContain(jobId);
    expect(
      scoped.every(
        (j) => String(j.data.credentialId ?? j.data.merchantId) === credentialId || j.data.merchantId === merchant.id,
      ),
    ).toBe(true);
    expect(scoped.length).toBe(2);

    await expect(getQueueOverview(specialist.actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retryFailedJob(specialist.actor, { queue: "verification", jobId })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
