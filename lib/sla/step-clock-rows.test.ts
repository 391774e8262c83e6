import { describe, expect, it } from "vitest";
import { amsterdamCalendars, at, done, ev, upToPasswordReset } from "@/tests/factories/clock-events";
import type { ClockEvent } from "./intervals";
import { DEFAULT_SLA_POLICY, type SlaPolicy } from "./policy";
import { stepClockRows, type IncidentSpan } from "./step-clock-rows";

const H = 3600;
const calendars = amsterdamCalendars();
const rows = (events: ClockEvent[], now: string, more: { policies?: SlaPolicy[]; incidents?: IncidentSpan[] } = {}) =>
  stepClockRows({
    events,
    calendars,
    policies: more.policies ?? [DEFAULT_SLA_POLICY],
    incidents: more.incidents ?? [],
    now: at(now),
  });

const upToReset = upToPasswordReset;

describe("stepClockRows", () => {
  it("an open step has its due time projected; once done within target it has none", () => {
    const open = rows(upToReset, "2026-11-30T11:00:00Z").find((r) => r.step === "password_reset")!;
    expect(open).toMatchObject({
      completedAt: null,
      warnAt: at("2026-11-30T13:00:00Z"),
      dueAt: at("2026-11-30T14:00:00Z"),
    });
  });

  it("a step done within its target: clocks, policy version, no due time", () => {
    const result = rows([...upToReset, done("password_reset", "2026-11-30T12:00:00Z")], "2026-11-30T13:00:00Z");
    const reset = result.find((r) => r.step === "password_reset")!;
    expect(reset).toMatchObject({
      owner: "agency",
      policyVersion: 0,
      startedAt: at("2026-11-30T10:00:00Z"),
      completedAt: at("2026-11-30T12:00:00Z"),
      agencyWorkSeconds: 2 * H,
      targetSeconds: 4 * H,
      // Done at half its target: the 75 % mark and the due time were never reached.
      warnAt: null,
      dueAt: null,
    });
    expect(result.find((r) => r.step === "user_created")).toMatchObject({
      owner: "merchant",
      merchantWaitSeconds: 1 * H,
      targetSeconds: 2 * 8.5 * H,
      dueAt: null,
    });
  });

  it("a hold moves the due time later and never resets the clock", () => {
    const events = [
      ...upToReset,
      ev("held", "2026-11-30T11:00:00Z", { note: "Merchant on holiday" }),
      ev("resumed", "2026-11-30T13:00:00Z"),
      done("password_reset", "2026-11-30T16:00:00Z"), // 17:00 local
    ];
    const reset = rows(events, "2026-12-01T08:00:00Z").find((r) => r.step === "password_reset")!;
    expect(reset).toMatchObject({
      agencyWorkSeconds: 4 * H,
      holdSeconds: 2 * H,
      holds: [{ reason: "Merchant on holiday", seconds: 2 * H }],
      dueAt: at("2026-11-30T16:00:00Z"),
    });
  });

  it("a breach during a Lightspeed incident is the platform's", () => {
    const events = [...upToReset, done("password_reset", "2026-12-01T09:00:00Z")]; // 1 h on Tue
    const incidents = [{ start: at("2026-11-30T11:00:00Z"), end: at("2026-11-30T14:00:00Z") }];
    const reset = rows(events, "2026-12-01T10:00:00Z", { incidents }).find((r) => r.step === "password_reset")!;
    expect(reset.agencyWorkSeconds).toBe(7.5 * H); // 11:00–17:30 Mon + 09:00–10:00 Tue
    expect(reset.incidentSeconds).toBe(3 * H);
    expect(reset.cause).toBe("agency"); // 4.5 h without the incident is still over 4 h
    const longer = [{ start: at("2026-11-30T10:00:00Z"), end: at("2026-11-30T14:00:00Z") }];
    expect(
      rows(events, "2026-12-01T10:00:00Z", { incidents: longer }).find((r) => r.step === "password_reset")!.cause,
    ).toBe("platform");
  });

  it("judges a step by the policy version in force when it started", () => {
    const v1: SlaPolicy = { ...DEFAULT_SLA_POLICY, version: 1, effectiveFrom: at("2026-11-30T09:30:00Z") };
    const result = rows(upToReset, "2026-11-30T11:00:00Z", { policies: [DEFAULT_SLA_POLICY, v1] });
    expect(result.find((r) => r.step === "user_created")!.policyVersion).toBe(0);
    expect(result.find((r) => r.step === "password_reset")!.policyVersion).toBe(1);
  });

  it("cancel stops every clock; the end-to-end row sums the steps", () => {
    const events = [...upToReset, ev("cancelled", "2026-11-30T12:00:00Z")];
    const result = rows(events, "2026-12-02T12:00:00Z");
    expect(result.find((r) => r.step === "password_reset")).toMatchObject({
      agencyWorkSeconds: 2 * H,
      completedAt: null,
      cancelledAt: at("2026-11-30T12:00:00Z"),
      dueAt: null,
    });
    expect(result.find((r) => r.step === "end_to_end")).toMatchObject({
      owner: "end_to_end",
      startedAt: at("2026-11-30T08:00:00Z"),
      agencyWorkSeconds: 2 * H,
      merchantWaitSeconds: 2 * H,
      cancelledAt: at("2026-11-30T12:00:00Z"),
      targetSeconds: 85 * H,
      dueAt: null,
    });
  });
});
