import { describe, expect, it } from "vitest";
import {
  ballInCourt,
  canCancel,
  canComplete,
  canCompleteWith,
  canHold,
  canResume,
  canUndo,
  currentStage,
  dependentsOf,
  deriveState,
  isHoldActive,
  nextStepEnteredAt,
  rekeyPlan,
  REKEY_KEEPS,
} from "./rules";
import { STEPS, type Step } from "./steps";

const active = { cancelled: false };
const upTo = (stage: Step): Step[] => STEPS.slice(0, STEPS.indexOf(stage) + 1);
const now = new Date("2026-11-10T10:00:00Z");

describe("currentStage", () => {
  it("is the first step not done, in guide order", () => {
    expect(currentStage(["signed_up"])).toBe("user_created");
    expect(currentStage(upTo("password_reset"))).toBe("key_received");
  });
  it("ignores later steps done out of order", () => {
    expect(currentStage(["signed_up", "key_received", "secret_received"])).toBe("user_created");
  });
  it("is null when every step is done", () => {
    expect(currentStage(STEPS)).toBeNull();
  });
});

describe("ballInCourt", () => {
  it("is the owner of the current step", () => {
    expect(ballInCourt(["signed_up"], null)).toBe("merchant");
    expect(ballInCourt(upTo("user_approved"), null)).toBe("agency"); // password_reset is ours
    expect(ballInCourt(upTo("secret_received"), null)).toBe("agency"); // key_verified is ours
  });
  it("is the merchant when an action is required of them, even on our step", () => {
    expect(ballInCourt(upTo("secret_received"), "Tick Orders → Write")).toBe("merchant");
  });
  it("is null when everything is done and nothing is asked", () => {
    expect(ballInCourt(STEPS, null)).toBeNull();
    expect(ballInCourt(STEPS, "Re-enable the key")).toBe("merchant");
  });
});

describe("canComplete", () => {
  it("allows steps in any order their prerequisites allow", () => {
    expect(canComplete("key_received", ["signed_up"], active)).toEqual({ ok: true });
    expect(canComplete("secret_received", ["signed_up"], active)).toEqual({ ok: true });
    expect(canComplete("user_approved", ["signed_up"], active)).toEqual({ ok: true });
  });
  it("refuses a step whose prerequisites are missing, naming them", () => {
    const password = canComplete("password_reset", ["signed_up"], active);
    expect(password).toMatchObject({ ok: false, code: "prerequisites_missing" });
    expect(!password.ok && password.reason).toContain("Back-office user created");

    const verified = canComplete("key_verified", ["signed_up", "key_received"], active);
    expect(!verified.ok && verified.reason).toContain("API secret received");
    expect(!verified.ok && verified.reason).not.toContain("API key received");

    expect(canComplete("live", upTo("secret_received"), active)).toMatchObject({
      ok: false,
      code: "prerequisites_missing",
    });
  });
  it("reports a done step as already done (the verb treats it as a no-op)", () => {
    expect(canComplete("user_created", upTo("user_created"), active)).toMatchObject({
      ok: false,
      code: "already_done",
    });
  });
  it("refuses everything on a cancelled merchant", () => {
    expect(canComplete("user_created", ["signed_up"], { cancelled: true })).toMatchObject({
      ok: false,
      code: "cancelled",
    });
  });
  it("still allows completion while on hold", () => {
    expect(canComplete("key_received", ["signed_up"], { cancelled: false, onHold: true })).toEqual({ ok: true });
  });
});

describe("canCompleteWith (the evidence a step needs)", () => {
  const keysIn = upTo("secret_received");
  it("completes Key verified only from a healthy run of the active pair", () => {
    expect(canCompleteWith("key_verified", keysIn, active, {})).toMatchObject({
      ok: false,
      code: "needs_verification",
    });
    expect(canCompleteWith("key_verified", keysIn, active, { healthyRunOfActivePair: false })).toMatchObject({
      ok: false,
      code: "needs_verification",
    });
    expect(canCompleteWith("key_verified", keysIn, active, { healthyRunOfActivePair: true })).toEqual({ ok: true });
  });
  it("accepts an override only with a reason", () => {
    expect(canCompleteWith("key_verified", keysIn, active, { overrideReason: "  " })).toMatchObject({
      ok: false,
      code: "reason_required",
    });
    expect(
      canCompleteWith("key_verified", keysIn, active, { overrideReason: "Verified by phone with Lightspeed support" }),
    ).toEqual({ ok: true });
  });
  it("keeps the structural rules ahead of the evidence", () => {
    expect(canCompleteWith("key_verified", ["signed_up"], active, { healthyRunOfActivePair: true })).toMatchObject({
      ok: false,
      code: "prerequisites_missing",
    });
    expect(canCompleteWith("key_verified", keysIn, { cancelled: true }, { overrideReason: "x" })).toMatchObject({
      ok: false,
      code: "cancelled",
    });
  });
  it("refuses User approved without the full-permissions confirmation", () => {
    expect(canCompleteWith("user_approved", ["signed_up"], active, {})).toMatchObject({
      ok: false,
      code: "full_permissions_unconfirmed",
    });
    expect(canCompleteWith("user_approved", ["signed_up"], active, { fullPermissions: false })).toMatchObject({
      ok: false,
      code: "full_permissions_unconfirmed",
    });
    expect(canCompleteWith("user_approved", ["signed_up"], active, { fullPermissions: true })).toEqual({ ok: true });
  });
  it("refuses Live while the merchant must act", () => {
    const verified = upTo("key_verified");
    expect(
      canComplete("live", verified, { cancelled: false, merchantActionRequired: "Tick Orders → Write" }),
    ).toMatchObject({ ok: false, code: "merchant_must_act" });
    expect(canComplete("live", verified, { cancelled: false, merchantActionRequired: null })).toEqual({ ok: true });
  });
  it("refuses Live while the key's shop awaits a specialist's confirmation", () => {
    expect(canComplete("live", upTo("key_verified"), { cancelled: false, shopUnconfirmed: true })).toMatchObject({
      ok: false,
      code: "shop_unconfirmed",
    });
  });
});

describe("canUndo", () => {
  it("allows undoing a done step nothing done depends on", () => {
    expect(canUndo("user_approved", upTo("user_approved"))).toEqual({ ok: true });
    expect(canUndo("live", STEPS)).toEqual({ ok: true });
  });
  it("refuses while done steps depend on it, naming them", () => {
    const decision = canUndo("user_created", upTo("password_reset"));
    expect(decision).toMatchObject({ ok: false, code: "has_dependents" });
    expect(!decision.ok && decision.reason).toContain("Password reset");

    const key = canUndo("key_received", STEPS);
    expect(!key.ok && key.reason).toContain("Key verified, Live");
  });
  it("refuses signed_up, steps not done, and cancelled merchants", () => {
    expect(canUndo("signed_up", STEPS)).toMatchObject({ ok: false, code: "not_undoable" });
    expect(canUndo("user_created", ["signed_up"])).toMatchObject({ ok: false, code: "not_done" });
    expect(canUndo("user_created", upTo("user_created"), { cancelled: true })).toMatchObject({
      ok: false,
      code: "cancelled",
    });
  });
  it("lets the re-key flow reopen the key steps in order while live stays done", () => {
    let done = new Set<Step>(STEPS);
    const plan = rekeyPlan(done);
    expect(plan).toEqual(["key_verified", "secret_received", "key_received"]);
    for (const stage of plan) {
      expect(canUndo(stage, done, { keep: REKEY_KEEPS })).toEqual({ ok: true });
      done = new Set([...done].filter((s) => s !== stage));
    }
    expect(currentStage(done)).toBe("key_received");
    expect(done.has("live")).toBe(true);
  });
  it("does not let the re-key exception skip the order", () => {
    expect(canUndo("key_received", STEPS, { keep: REKEY_KEEPS })).toMatchObject({ ok: false, code: "has_dependents" });
  });
});

describe("dependentsOf", () => {
  it("follows prerequisites transitively", () => {
    expect(dependentsOf("key_received")).toEqual(["key_verified", "live"]);
    expect(dependentsOf("user_created")).toEqual(["password_reset"]);
    expect(dependentsOf("user_approved")).toEqual([]);
  });
});

describe("hold, resume and cancel", () => {
  it("needs a reason and a future until-date to hold", () => {
    expect(canHold(active, { reason: "Shop is rebuilding", until: new Date("2026-12-01") }, now)).toEqual({ ok: true });
    expect(canHold(active, { reason: "Summer break", until: null }, now)).toEqual({ ok: true });
    expect(canHold(active, { reason: "  " }, now)).toMatchObject({ ok: false, code: "reason_required" });
    expect(canHold(active, { reason: "x", until: new Date("2026-11-01") }, now)).toMatchObject({
      ok: false,
      code: "until_not_in_future",
    });
    expect(canHold({ cancelled: true }, { reason: "x" }, now)).toMatchObject({ ok: false, code: "cancelled" });
  });
  it("resumes only a merchant on hold", () => {
    expect(canResume({ cancelled: false, onHold: true })).toEqual({ ok: true });
    expect(canResume({ cancelled: false, onHold: false })).toMatchObject({ ok: false, code: "not_on_hold" });
  });
  it("counts a hold only until its until-date", () => {
    expect(isHoldActive({ onHold: true, holdUntil: null }, now)).toBe(true);
    expect(isHoldActive({ onHold: true, holdUntil: new Date("2026-11-11") }, now)).toBe(true);
    expect(isHoldActive({ onHold: true, holdUntil: new Date("2026-11-09") }, now)).toBe(false);
    expect(isHoldActive({ onHold: false, holdUntil: null }, now)).toBe(false);
  });
  it("cancels once, with a reason", () => {
    expect(canCancel(active, "Merchant chose another agency")).toEqual({ ok: true });
    expect(canCancel(active, "")).toMatchObject({ ok: false, code: "reason_required" });
    expect(canCancel({ cancelled: true }, "again")).toMatchObject({ ok: false, code: "already_cancelled" });
  });
});

describe("stageEnteredAt", () => {
  const entered = new Date("2026-11-01T09:00:00Z");
  it("moves when the current step changes", () => {
    expect(nextStepEnteredAt({ currentStage: "user_created", stageEnteredAt: entered }, "user_approved", now)).toEqual(
      now,
    );
    // undoing an earlier step makes it current again
    expect(nextStepEnteredAt({ currentStage: "key_received", stageEnteredAt: entered }, "user_approved", now)).toEqual(
      now,
    );
  });
  it("stays when a later step is completed out of order", () => {
    expect(nextStepEnteredAt({ currentStage: "user_created", stageEnteredAt: entered }, "user_created", now)).toEqual(
      entered,
    );
  });
  it("restarts on resume from a hold", () => {
    expect(
      nextStepEnteredAt({ currentStage: "user_created", stageEnteredAt: entered }, "user_created", now, true),
    ).toEqual(now);
  });
});

describe("deriveState", () => {
  const before = { currentStage: "secret_received" as Step, stageEnteredAt: new Date("2026-11-01") };
  it("computes the stored columns together", () => {
    expect(
      deriveState({ done: upTo("secret_received"), merchantActionRequired: null, cancelled: false }, before, now),
    ).toEqual({
      currentStage: "key_verified",
      ballInCourt: "agency",
      stageEnteredAt: now,
    });
  });
  it("leaves the ball with nobody on a cancelled merchant", () => {
    expect(
      deriveState({ done: ["signed_up"], merchantActionRequired: null, cancelled: true }, before, now).ballInCourt,
    ).toBeNull();
  });
});
