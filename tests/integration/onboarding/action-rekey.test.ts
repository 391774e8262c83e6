import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import {
  clearMerchantAction,
  completeStep,
  openRekeyFlow,
  recordMerchantEvent,
  requireMerchantAction,
} from "@/lib/onboarding";
import { STEPS } from "@/lib/pipeline/steps";
import { createMerchant, doneSteps, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { backdateStep } from "./helpers";
import { auditOf } from "@/tests/factories/audit";

const engine = systemActor("verification");

describe("merchant action required", () => {
  it("puts the ball with the merchant on our step until cleared", async () => {
    const merchant = await createMerchant(
      {},
      { completed: ["user_created", "user_approved", "password_reset", "key_received", "secret_received"] },
    );
    expect(merchant.ballInCourt).toBe("agency");

    await requireMerchantAction(engine, { merchantId: merchant.id, reason: "Tick Orders → Write on the API key" });
    await requireMerchantAction(engine, { merchantId: merchant.id, reason: "Tick Orders → Write on the API key" });
    expect(await readMerchant(merchant.id)).toMatchObject({
      ballInCourt: "merchant",
      currentStage: "key_verified",
      merchantActionRequired: "Tick Orders → Write on the API key",
    });
    expect(await eventsOf(merchant.id, "action_required")).toHaveLength(1);

    await clearMerchantAction(engine, { merchantId: merchant.id, note: "New pair verified" });
    await clearMerchantAction(engine, { merchantId: merchant.id });
    expect(await readMerchant(merchant.id)).toMatchObject({ ballInCourt: "agency", merchantActionRequired: null });
    expect(await eventsOf(merchant.id, "action_cleared")).toMatchObject([
      { note: "New pair verified", evidence: { was: "Tick Orders → Write on the API key" } },
    ]);
  });
});

describe("openRekeyFlow", () => {
  it("reopens the key steps of a live merchant, keeps live, and asks the merchant for a new pair", async () => {
    const merchant = await createMerchant({}, { completed: STEPS });
    expect(merchant).toMatchObject({ currentStage: null, ballInCourt: null });
    const entered = await backdateStep(merchant.id, 30);

    await openRekeyFlow(engine, { merchantId: merchant.id, reason: "The key lost Orders → Read" });

    expect(await doneSteps(merchant.id)).toEqual([
      "signed_up",
      "user_created",
      "user_approved",
      "password_reset",
      "live",
    ]);
    const after = await readMerchant(merchant.id);
    expect(after).toMatchObject({
      currentStage: "key_received",
      ballInCourt: "merchant",
      merchantActionRequired: "The key lost Orders → Read",
    });
    expect(after.stageEnteredAt.getTime()).toBeGreaterThan(entered.getTime());
    const [event] = await eventsOf(merchant.id, "rekey_opened");
    expect(event).toMatchObject({
      actorId: null,
      note: "The key lost Orders → Read",
      evidence: { undone: ["key_verified", "secret_received", "key_received"] },
    });
    expect(await auditOf(merchant.id, "merchant.rekey_opened")).toHaveLength(1);

    // a repeated alert with nothing left to undo records nothing
    await openRekeyFlow(engine, { merchantId: merchant.id, reason: "The key lost Orders → Read" });
    expect(await eventsOf(merchant.id, "rekey_opened")).toHaveLength(1);

    // the new pair arrives and verifies: back to a finished pipeline once the action is cleared
    for (const stage of ["key_received", "secret_received"] as const)
      await completeStep(engine, { merchantId: merchant.id, stage });
    await completeStep(engine, {
      merchantId: merchant.id,
      stage: "key_verified",
      overrideReason: "The new pair verified (no engine in this test)",
    });
    await clearMerchantAction(engine, { merchantId: merchant.id });
    expect(await readMerchant(merchant.id)).toMatchObject({ currentStage: null, ballInCourt: null });
  });
});

describe("recordMerchantEvent", () => {
  it("appends to the timeline inside the caller's transaction", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant();
    await db.transaction(async (tx) => {
      await recordMerchantEvent(tx, {
        merchantId: merchant.id,
        actor: specialist.actor,
        type: "credential_recorded",
        stage: "key_received",
        evidence: { half: "key" },
      });
    });
    await expect(
      db.transaction(async (tx) => {
        await recordMerchantEvent(tx, {
          merchantId: merchant.id,
          actor: specialist.actor,
          type: "note",
          note: "rolled back",
        });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    const events = await eventsOf(merchant.id);
    expect(events.map((e) => e.type)).toEqual(["signed_up", "credential_recorded"]);
  });

  it("lets a verb join the caller's transaction", async () => {
    const merchant = await createMerchant();
    await expect(
      db.transaction(async (tx) => {
        await completeStep(engine, { merchantId: merchant.id, stage: "user_created" }, { tx });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await doneSteps(merchant.id)).toEqual(["signed_up"]);
  });
});
