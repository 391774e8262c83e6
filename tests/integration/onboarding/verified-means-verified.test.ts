import { describe, expect, it } from "vitest";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { completeStep, requireMerchantAction } from "@/lib/onboarding";
import { systemActor } from "@/lib/auth/actor";
import { createMerchant, doneSteps, eventsOf } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { auditOf } from "@/tests/factories/audit";

/** Steps are facts reports and reminders trust: each one needs the evidence that makes it true. */
describe("verified means verified", () => {
  it("refuses a specialist marking Key verified by hand, with or without a reason", async () => {
    const specialist = await createStaff({ role: "specialist" });
    const merchant = await createMerchant({}, { completed: ["key_received", "secret_received"] });
    await expect(completeStep(specialist.actor, { merchantId: merchant.id, stage: "key_verified" })).rejects.toThrow(
      /healthy verification/,
    );
    await expect(
      completeStep(specialist.actor, {
        merchantId: merchant.id,
        stage: "key_verified",
        evidence: { verdict: "healthy" },
      }),
    ).rejects.toBeInstanceOf(RuleViolationError);
    await expect(
      completeStep(specialist.actor, {
        merchantId: merchant.id,
        stage: "key_verified",
        overrideReason: "Merchant says it works",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await doneSteps(merchant.id)).not.toContain("key_verified");
  });

  it("refuses a run id that is not a healthy run of the merchant's active pair", async () => {
    const merchant = await createMerchant({}, { completed: ["key_received", "secret_received"] });
    const bogus = "00000000-0000-4000-8000-000000000000";
    await expect(
      completeStep(systemActor("verification"), {
        merchantId: merchant.id,
        stage: "key_verified",
        evidence: { verificationRunId: bogus },
      }),
    ).rejects.toThrow(/healthy verification/);
  });

  it("records a lead's override with its reason on the step, the timeline and the audit log", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant({}, { completed: ["key_received", "secret_received"] });
    await expect(
      completeStep(lead.actor, { merchantId: merchant.id, stage: "key_verified", overrideReason: " " }),
    ).rejects.toThrow();

    await completeStep(lead.actor, {
      merchantId: merchant.id,
      stage: "key_verified",
      overrideReason: "Lightspeed support confirmed the key by phone during their API outage",
    });
    const [event] = (await eventsOf(merchant.id, "stage_completed")).filter((e) => e.stage === "key_verified");
    expect(event).toMatchObject({
      actorId: lead.user.id,
      evidence: {
        override: { reason: "Lightspeed support confirmed the key by phone during their API outage", by: lead.user.id },
      },
      note: expect.stringContaining("Override: Key verified marked done without a healthy verification"),
    });
    expect(await auditOf(merchant.id, "merchant.step_overridden")).toHaveLength(1);
  });

  it("refuses Live while the merchant must act", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant({}, { completed: ["key_received", "secret_received", "key_verified"] });
    await requireMerchantAction(systemActor("verification"), {
      merchantId: merchant.id,
      reason: "Tick these checkboxes: Orders → Write",
    });
    await expect(completeStep(lead.actor, { merchantId: merchant.id, stage: "live" })).rejects.toThrow(
      /merchant's open action/,
    );
    expect(await doneSteps(merchant.id)).not.toContain("live");
  });

  it("refuses User approved unless full permissions are confirmed", async () => {
    const specialist = await createStaff({ role: "specialist" });
    const merchant = await createMerchant();
    await expect(
      completeStep(specialist.actor, {
        merchantId: merchant.id,
        stage: "user_approved",
        evidence: { fullPermissions: false },
      }),
    ).rejects.toThrow(/Full permissions/);
    await expect(
      completeStep(specialist.actor, { merchantId: merchant.id, stage: "user_approved" }),
    ).rejects.toBeInstanceOf(RuleViolationError);
    await completeStep(specialist.actor, {
      merchantId: merchant.id,
      stage: "user_approved",
      evidence: { fullPermissions: true },
    });
    expect(await doneSteps(merchant.id)).toContain("user_approved");
  });
});
