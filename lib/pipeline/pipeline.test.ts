import { describe, expect, it } from "vitest";
import { EVIDENCE_SCHEMAS, PIPELINE, STEP_LABELS, parseEvidence, stepDefinition } from "./pipeline";
import { STEPS } from "./steps";

describe("the pipeline table", () => {
  it("has one entry per stage, in guide order, with a label and description", () => {
    expect(PIPELINE.map((s) => s.stage)).toEqual([...STEPS]);
    for (const step of PIPELINE) {
      expect(step.label).toBe(STEP_LABELS[step.stage]);
      expect(step.description.length).toBeGreaterThan(10);
    }
  });

  it("only lists earlier steps as prerequisites (no cycles)", () => {
    for (const step of PIPELINE) {
      for (const p of step.prerequisites) expect(STEPS.indexOf(p)).toBeLessThan(STEPS.indexOf(step.stage));
    }
    expect(stepDefinition("password_reset").prerequisites).toEqual(["user_created"]);
    expect(stepDefinition("key_verified").prerequisites).toEqual(["key_received", "secret_received"]);
    expect(stepDefinition("live").prerequisites).toEqual(["key_verified"]);
  });

  it("gives the merchant instructions for every step they owe after signing up, and none for ours", () => {
    for (const step of PIPELINE) {
      if (step.owner === "merchant" && step.stage !== "signed_up")
        expect(step.merchantInstructions?.length).toBeGreaterThan(0);
      if (step.owner === "agency") expect(step.merchantInstructions).toBeUndefined();
    }
    const keySteps = [
      ...stepDefinition("key_received").merchantInstructions!,
      ...stepDefinition("secret_received").merchantInstructions!,
    ].join(" ");
    expect(keySteps).toMatch(/Developers/);
    expect(keySteps).toMatch(/every permission checkbox/);
    expect(keySteps).toMatch(/separate email/);
    expect(stepDefinition("user_approved").merchantInstructions!.join(" ")).toMatch(/Approved.*Full permissions/s);
  });
});

describe("evidence", () => {
  it("stamps when a key half was received, defaulting to now", () => {
    const given = parseEvidence("key_received", { receivedAt: new Date("2026-11-02T08:30:00Z"), via: "email" });
    expect(given).toEqual({ receivedAt: "2026-11-02T08:30:00.000Z", via: "email" });
    expect(Date.parse(String(parseEvidence("secret_received", {}).receivedAt))).not.toBeNaN();
  });
  it("validates known fields and keeps extra ids from other domains", () => {
    expect(() => parseEvidence("user_created", { lightspeedUserEmail: "nope" })).toThrow();
    expect(() => parseEvidence("key_verified", { verdict: "great" })).toThrow();
    expect(
      parseEvidence("key_verified", { verdict: "healthy", verificationRunId: 12, runSource: "job" }),
    ).toMatchObject({ runSource: "job" });
  });
  it("has a schema per stage", () => {
    expect(Object.keys(EVIDENCE_SCHEMAS)).toEqual([...STEPS]);
  });
});
