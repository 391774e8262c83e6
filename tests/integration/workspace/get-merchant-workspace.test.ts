import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { cancelMerchant, completeStep, holdMerchant, requireMerchantAction } from "@/lib/onboarding";
import { getMerchantWorkspace } from "@/lib/onboarding/workspace";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";

describe("getMerchantWorkspace", () => {
  it("shows the merchant, its specialist, each step with who did it when, and the derived position", async () => {
    const tom = await createStaff({ role: "specialist", name: "Tom Jansen" });
    const merchant = await createMerchant(
      { company: "Wijnhuis De Bron B.V." },
      { completed: ["user_created"], specialistId: tom.user.id },
    );
    await completeStep(tom.actor, {
      merchantId: merchant.id,
      stage: "user_approved",
      evidence: { fullPermissions: true },
    });

    const ws = await getMerchantWorkspace(tom.actor, merchant.id);

    expect(ws.merchant).toMatchObject({
      id: merchant.id,
      company: "Wijnhuis De Bron B.V.",
      shopDomain: merchant.shopDomain,
      cluster: merchant.cluster,
    });
    expect(ws.specialist).toEqual({ id: tom.user.id, name: "Tom Jansen", email: tom.user.email });
    expect(ws.steps.map((s) => s.stage)).toEqual([
      "signed_up",
      "user_created",
      "user_approved",
      "password_reset",
      "key_received",
      "secret_received",
      "key_verified",
      "live",
    ]);
    const approved = ws.steps.find((s) => s.stage === "user_approved")!;
    expect(approved).toMatchObject({
      done: true,
      owner: "merchant",
      completedBy: { id: tom.user.id, name: "Tom Jansen" },
      evidence: { fullPermissions: true },
    });
    expect(approved.completedAt).toBeInstanceOf(Date);
    expect(approved.merchantInstructions.join(" ")).toMatch(/Full permissions/);
    // The factory completes user_created as the system: no staff name.
    expect(ws.steps.find((s) => s.stage === "user_created")).toMatchObject({ done: true, completedBy: null });

    expect(ws.currentStage).toBe("password_reset");
    expect(ws.ballInCourt).toBe("agency");
    expect(ws.steps.find((s) => s.stage === "password_reset")).toMatchObject({
      isCurrent: true,
      done: false,
      complete: { ok: true },
    });
    expect(ws.timeInStepMs).toBeGreaterThanOrEqual(0);
  });

  it("explains why a step cannot be completed or undone yet", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant({}, { completed: ["user_created", "password_reset", "key_received"] });
    const ws = await getMerchantWorkspace(lead.actor, merchant.id);

    const verified = ws.steps.find((s) => s.stage === "key_verified")!;
    expect(verified.complete).toMatchObject({ ok: false, code: "prerequisites_missing" });
    if (!verified.complete.ok) expect(verified.complete.reason).toMatch(/API secret received/);
    const created = ws.steps.find((s) => s.stage === "user_created")!;
    expect(created.undo).toMatchObject({ ok: false, code: "has_dependents" });
    expect(ws.steps.find((s) => s.stage === "key_received")!.undo).toEqual({ ok: true });
  });

  it("puts the ball with the merchant when an action is required, and with nobody once cancelled", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant(
      {},
      { completed: ["user_created", "user_approved", "password_reset", "key_received", "secret_received"] },
    );
    await requireMerchantAction(systemActor("verification"), {
      merchantId: merchant.id,
      reason: "Tick these checkboxes: Orders → Write",
    });
    await holdMerchant(lead.actor, { merchantId: merchant.id, reason: "Harvest holidays" });

    let ws = await getMerchantWorkspace(lead.actor, merchant.id);
    expect(ws).toMatchObject({ currentStage: "key_verified", ballInCourt: "merchant" });
    expect(ws.merchant).toMatchObject({
      merchantActionRequired: "Tick these checkboxes: Orders → Write",
      onHold: true,
      holdReason: "Harvest holidays",
    });

    await cancelMerchant(lead.actor, { merchantId: merchant.id, reason: "Chose another partner" });
    ws = await getMerchantWorkspace(lead.actor, merchant.id);
    expect(ws.ballInCourt).toBeNull();
    expect(ws.merchant.cancelReason).toBe("Chose another partner");
    expect(ws.steps.every((s) => !s.complete.ok && !s.undo.ok)).toBe(true);
  });

  it("tells each role what it may do, and refuses anonymous callers", async () => {
    const merchant = await createMerchant();
    const [specialist, lead, admin] = await Promise.all([
      createStaff({ role: "specialist" }),
      createStaff({ role: "lead" }),
      createStaff({ role: "admin" }),
    ]);

    expect((await getMerchantWorkspace(specialist.actor, merchant.id)).abilities).toEqual({
      update: true,
      claim: true,
      assign: false,
      cancel: false,
    });
    expect((await getMerchantWorkspace(lead.actor, merchant.id)).abilities).toEqual({
      update: true,
      claim: true,
      assign: true,
      cancel: true,
    });
    expect((await getMerchantWorkspace(admin.actor, merchant.id)).abilities).toEqual({
      update: true,
      claim: true,
      assign: true,
      cancel: true,
    });
    await expect(getMerchantWorkspace(null as never, merchant.id)).rejects.toBeInstanceOf(UnauthenticatedError);
    // Workers may read; an actor without merchant:read may not.
    await expect(getMerchantWorkspace(systemActor("worker"), merchant.id)).resolves.toBeTruthy();
    await expect(
      getMerchantWorkspace({ ...specialist.actor, role: "nobody" } as never, merchant.id),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("answers NotFoundError for unknown and malformed ids", async () => {
    const lead = await createStaff({ role: "lead" });
    await expect(getMerchantWorkspace(lead.actor, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMerchantWorkspace(lead.actor, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});
