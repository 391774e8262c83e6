import { describe, expect, it } from "vitest";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { systemActor } from "@/lib/auth/actor";
import {
  addNote,
  cancelMerchant,
  completeStep,
  holdMerchant,
  resumeExpiredHolds,
  resumeMerchant,
  undoStep,
} from "@/lib/onboarding";
import { createMerchant, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { backdateStep } from "./helpers";
import { auditOf } from "@/tests/factories/audit";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe("hold and resume", () => {
  it("holds with a reason and until-date; steps can still be completed; resume never resets the waiting clock", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant();
    const until = inDays(14);

    await holdMerchant(specialist.actor, { merchantId: merchant.id, reason: "Shop migrates to a new theme", until });
    expect(await readMerchant(merchant.id)).toMatchObject({
      onHold: true,
      holdReason: "Shop migrates to a new theme",
      holdUntil: until,
    });
    expect((await eventsOf(merchant.id, "held"))[0]).toMatchObject({
      note: "Shop migrates to a new theme",
      evidence: { until: until.toISOString() },
    });

    await completeStep(specialist.actor, { merchantId: merchant.id, stage: "key_received" });
    expect(await readMerchant(merchant.id)).toMatchObject({ onHold: true, currentStage: "user_created" });

    const entered = await backdateStep(merchant.id, 10);
    await resumeMerchant(specialist.actor, { merchantId: merchant.id, note: "Theme is live" });
    const resumed = await readMerchant(merchant.id);
    expect(resumed).toMatchObject({ onHold: false, holdReason: null, holdUntil: null });
    expect(resumed.stageEnteredAt).toEqual(entered);
    expect((await eventsOf(merchant.id, "resumed"))[0]).toMatchObject({
      note: "Theme is live",
      evidence: { heldFor: "Shop migrates to a new theme" },
    });
    expect(await auditOf(merchant.id, "merchant.held")).toHaveLength(1);
    expect(await auditOf(merchant.id, "merchant.resumed")).toHaveLength(1);
  });

  it("refuses a hold without reason or with an until-date in the past, and a resume without hold", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant();
    await expect(holdMerchant(specialist.actor, { merchantId: merchant.id, reason: "" })).rejects.toThrow(/reason/i);
    await expect(
      holdMerchant(specialist.actor, { merchantId: merchant.id, reason: "Holiday", until: inDays(-1) }),
    ).rejects.toThrow(/future/);
    await expect(resumeMerchant(specialist.actor, { merchantId: merchant.id })).rejects.toThrow(/not on hold/);
    expect(await readMerchant(merchant.id)).toMatchObject({ onHold: false, version: merchant.version });
  });

  it("extends a hold by holding again", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant();
    await holdMerchant(specialist.actor, { merchantId: merchant.id, reason: "Holiday", until: inDays(7) });
    await holdMerchant(specialist.actor, { merchantId: merchant.id, reason: "Holiday, back later", until: null });
    expect(await readMerchant(merchant.id)).toMatchObject({
      onHold: true,
      holdReason: "Holiday, back later",
      holdUntil: null,
    });
    expect(await eventsOf(merchant.id, "held")).toHaveLength(2);
  });
});

describe("cancel and notes", () => {
  it("only leads and admins cancel", async () => {
    const specialist = await createStaff({ role: "specialist" });
    const merchant = await createMerchant();
    await expect(cancelMerchant(specialist.actor, { merchantId: merchant.id, reason: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await readMerchant(merchant.id)).cancelledAt).toBeNull();
  });

  it("a cancelled merchant keeps its history, owes nothing, and accepts only notes", async () => {
    const admin = await createStaff({ role: "admin" });
    const merchant = await createMerchant({}, { completed: ["user_created"] });
    await cancelMerchant(admin.actor, { merchantId: merchant.id, reason: "Closed the shop" });

    const cancelled = await readMerchant(merchant.id);
    expect(cancelled).toMatchObject({
      cancelReason: "Closed the shop",
      ballInCourt: null,
      currentStage: "user_approved",
    });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect((await eventsOf(merchant.id, "cancelled"))[0]).toMatchObject({
      actorId: admin.user.id,
      note: "Closed the shop",
    });
    expect(await auditOf(merchant.id, "merchant.cancelled")).toHaveLength(1);

    for (const attempt of [
      () => undoStep(admin.actor, { merchantId: merchant.id, stage: "user_created", reason: "x" }),
      () => holdMerchant(admin.actor, { merchantId: merchant.id, reason: "x" }),
      () => cancelMerchant(admin.actor, { merchantId: merchant.id, reason: "again" }),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(RuleViolationError);
    }

    await addNote(admin.actor, { merchantId: merchant.id, note: "Owner may come back next season" });
    expect((await eventsOf(merchant.id, "note"))[0]).toMatchObject({
      note: "Owner may come back next season",
      actorId: admin.user.id,
    });
    expect(await auditOf(merchant.id, "merchant.note_added")).toHaveLength(1);
  });

  it("refuses an empty note", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant();
    await expect(addNote(specialist.actor, { merchantId: merchant.id, note: "   " })).rejects.toThrow(/note/i);
    expect(await eventsOf(merchant.id, "note")).toHaveLength(0);
  });
});

describe("resumeExpiredHolds", () => {
  it("resumes holds whose until-date has passed and leaves the others", async () => {
    const specialist = await createStaff();
    const [expiring, open, lasting] = await Promise.all([createMerchant(), createMerchant(), createMerchant()]);
    await holdMerchant(specialist.actor, { merchantId: expiring.id, reason: "Back on Monday", until: inDays(2) });
    await holdMerchant(specialist.actor, { merchantId: open.id, reason: "Until further notice" });
    await holdMerchant(specialist.actor, { merchantId: lasting.id, reason: "Back next month", until: inDays(30) });

    const { resumed } = await resumeExpiredHolds(systemActor("holds"), { now: inDays(3) });
    expect(resumed).toBeGreaterThanOrEqual(1);
    expect(await readMerchant(expiring.id)).toMatchObject({ onHold: false });
    expect((await eventsOf(expiring.id, "resumed"))[0]).toMatchObject({
      actorId: null,
      note: expect.stringContaining("until-date"),
    });
    expect(await readMerchant(open.id)).toMatchObject({ onHold: true });
    expect(await readMerchant(lasting.id)).toMatchObject({ onHold: true });
  });
});
