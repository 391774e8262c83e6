import { describe, expect, it } from "vitest";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { undoStep } from "@/lib/onboarding";
import { createMerchant, doneSteps, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { backdateStep } from "./helpers";
import { auditOf } from "@/tests/factories/audit";

describe("undoStep", () => {
  it("reopens a step with a reason; the timeline keeps what was undone", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant({}, { completed: ["user_created", "user_approved"] });
    const entered = await backdateStep(merchant.id);

    await undoStep(specialist.actor, {
      merchantId: merchant.id,
      stage: "user_approved",
      reason: "User is still Pending in Lightspeed",
    });

    const after = await readMerchant(merchant.id);
    expect(after).toMatchObject({ currentStage: "user_approved", ballInCourt: "merchant" });
    expect(after.stageEnteredAt.getTime()).toBeGreaterThan(entered.getTime());
    expect(await doneSteps(merchant.id)).toEqual(["signed_up", "user_created"]);
    const [event] = await eventsOf(merchant.id, "stage_undone");
    expect(event).toMatchObject({
      actorId: specialist.user.id,
      stage: "user_approved",
      note: "User is still Pending in Lightspeed",
      evidence: { evidence: { fullPermissions: true }, completedAt: expect.any(String) },
    });
    expect(await eventsOf(merchant.id, "stage_completed")).toHaveLength(2); // history is kept
    expect((await auditOf(merchant.id, "merchant.step_undone"))[0]?.details).toMatchObject({
      reason: "User is still Pending in Lightspeed",
    });
  });

  it("requires a reason", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant({}, { completed: ["user_created"] });
    await expect(
      undoStep(specialist.actor, { merchantId: merchant.id, stage: "user_created", reason: "  " }),
    ).rejects.toMatchObject({
      constructor: ValidationError,
      fieldErrors: { reason: expect.any(Array) },
    });
    expect(await doneSteps(merchant.id)).toContain("user_created");
  });

  it("refuses while a done step depends on it, naming that step", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant({}, { completed: ["key_received", "secret_received", "key_verified"] });
    const attempt = undoStep(specialist.actor, { merchantId: merchant.id, stage: "key_received", reason: "Wrong key" });
    await expect(attempt).rejects.toBeInstanceOf(RuleViolationError);
    await expect(attempt).rejects.toThrow(/Key verified/);
    expect(await eventsOf(merchant.id, "stage_undone")).toHaveLength(0);
  });

  it("refuses signed_up and steps that are not done", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant();
    await expect(
      undoStep(specialist.actor, { merchantId: merchant.id, stage: "signed_up", reason: "x" }),
    ).rejects.toThrow(/cannot be undone/);
    await expect(undoStep(specialist.actor, { merchantId: merchant.id, stage: "live", reason: "x" })).rejects.toThrow(
      /not done/,
    );
  });
});
