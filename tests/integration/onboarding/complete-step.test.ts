import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { cancelMerchant, completeStep } from "@/lib/onboarding";
import { createMerchant, doneSteps, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { backdateStep } from "./helpers";
import { auditOf } from "@/tests/factories/audit";

describe("completeStep", () => {
  it("completes the current step: step row, event with evidence and note, audit row, derived columns", async () => {
    const specialist = await createStaff({ role: "specialist" });
    const merchant = await createMerchant();
    const enteredBefore = await backdateStep(merchant.id);

    await completeStep(specialist.actor, {
      merchantId: merchant.id,
      stage: "user_created",
      evidence: { lightspeedUserEmail: "integrations@actenzo.test" },
      note: "Saw the invitation mail",
    });

    const after = await readMerchant(merchant.id);
    expect(after).toMatchObject({
      currentStage: "user_approved",
      ballInCourt: "merchant",
      version: merchant.version + 1,
    });
    expect(after.stageEnteredAt.getTime()).toBeGreaterThan(enteredBefore.getTime());
    expect(after.lastActivityAt.getTime()).toBeGreaterThanOrEqual(merchant.lastActivityAt.getTime());
    expect(await doneSteps(merchant.id)).toContain("user_created");
    const [event] = await eventsOf(merchant.id, "stage_completed");
    expect(event).toMatchObject({
      actorId: specialist.user.id,
      stage: "user_created",
      evidence: { lightspeedUserEmail: "integrations@actenzo.test" },
      note: "Saw the invitation mail",
    });
    expect(await auditOf(merchant.id, "merchant.step_completed")).toHaveLength(1);
  });

  it("hands the ball to us when the current step is ours", async () => {
    const merchant = await createMerchant({}, { completed: ["user_created", "user_approved"] });
    expect(merchant).toMatchObject({ currentStage: "password_reset", ballInCourt: "agency" });
  });

  it("accepts steps out of order without moving the current step or its clock", async () => {
    const merchant = await createMerchant();
    const entered = await backdateStep(merchant.id);
    await completeStep(systemActor("test"), {
      merchantId: merchant.id,
      stage: "secret_received",
      evidence: { via: "email" },
    });

    const after = await readMerchant(merchant.id);
    expect(after).toMatchObject({ currentStage: "user_created", ballInCourt: "merchant" });
    expect(after.stageEnteredAt).toEqual(entered);
    const [step] = await eventsOf(merchant.id, "stage_completed");
    expect(step?.evidence).toMatchObject({ via: "email", receivedAt: expect.any(String) });
  });

  it("refuses a step whose prerequisites are missing, and records nothing", async () => {
    const merchant = await createMerchant({}, { completed: ["key_received"] });
    await expect(completeStep(systemActor("test"), { merchantId: merchant.id, stage: "key_verified" })).rejects.toThrow(
      /API secret received/,
    );
    await expect(
      completeStep(systemActor("test"), { merchantId: merchant.id, stage: "password_reset" }),
    ).rejects.toBeInstanceOf(RuleViolationError);
    expect(await doneSteps(merchant.id)).toEqual(["signed_up", "key_received"]);
    expect((await readMerchant(merchant.id)).version).toBe(merchant.version);
  });

  it("is idempotent: completing a done step writes nothing", async () => {
    const merchant = await createMerchant({}, { completed: ["user_created"] });
    await completeStep(systemActor("test"), { merchantId: merchant.id, stage: "user_created" });
    expect(await eventsOf(merchant.id, "stage_completed")).toHaveLength(1);
    expect((await readMerchant(merchant.id)).version).toBe(merchant.version);
  });

  it("two simultaneous completions of the same step make one event", async () => {
    const merchant = await createMerchant();
    const actor = systemActor("test");
    await Promise.all(
      Array.from({ length: 5 }, () => completeStep(actor, { merchantId: merchant.id, stage: "user_created" })),
    );
    expect(await eventsOf(merchant.id, "stage_completed")).toHaveLength(1);
    expect((await readMerchant(merchant.id)).version).toBe(merchant.version + 1);
  });

  it("refuses bad evidence with field errors", async () => {
    const merchant = await createMerchant();
    await expect(
      completeStep(systemActor("test"), {
        merchantId: merchant.id,
        stage: "user_created",
        evidence: { lightspeedUserEmail: "not-an-email" },
      }),
    ).rejects.toMatchObject({ constructor: ValidationError, fieldErrors: { lightspeedUserEmail: expect.any(Array) } });
    await expect(
      completeStep(systemActor("test"), {
        merchantId: merchant.id,
        stage: "key_received",
        evidence: { receivedAt: "2999-01-01T00:00:00Z" },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses changes to a cancelled merchant", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant();
    await cancelMerchant(lead.actor, { merchantId: merchant.id, reason: "Chose another agency" });
    await expect(completeStep(lead.actor, { merchantId: merchant.id, stage: "user_created" })).rejects.toThrow(
      /cancelled/,
    );
  });

  it("answers an unknown merchant with NotFound", async () => {
    await expect(
      completeStep(systemActor("test"), { merchantId: "00000000-0000-4000-8000-000000000000", stage: "user_created" }),
    ).rejects.toThrow(/not found/);
  });
});
