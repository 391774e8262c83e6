import { describe, expect, it } from "vitest";
import { amsterdamCalendars, at, upToPasswordReset } from "@/tests/factories/clock-events";
import type { ClockEvent } from "./intervals";
import { merchantClockState } from "./merchant-clock-state";
import { DEFAULT_SLA_POLICY } from "./policy";

const calendars = amsterdamCalendars();
const state = (events: ClockEvent[], stage: Parameters<typeof merchantClockState>[0]["stage"], now: string) =>
  merchantClockState({ events, stage, calendars, policies: [DEFAULT_SLA_POLICY], incidents: [], now: at(now) });

const upToReset = upToPasswordReset;

describe("merchantClockState", () => {
  it("gives the queue the same due and warning instants as the report row of the open step", () => {
    const { sla, rows } = state(upToReset, "password_reset", "2026-11-30T11:00:00Z");
    const open = rows.find((r) => r.step === "password_reset")!;
    expect(sla).toMatchObject({ stage: "password_reset", dueAt: open.dueAt, warnAt: open.warnAt });
    expect(sla?.dueAt).toEqual(at("2026-11-30T14:00:00Z"));
  });

  it("an event written at the moment of the refresh already opens its step's clock", () => {
    const { sla, rows } = state(upToReset, "password_reset", "2026-11-30T10:00:00Z");
    expect(rows.map((r) => r.step)).toContain("password_reset");
    expect(sla?.dueAt).toEqual(at("2026-11-30T14:00:00Z"));
  });

  it("events given out of order count as they happened", () => {
    const shuffled = [upToReset[2]!, upToReset[0]!, upToReset[1]!];
    expect(state(shuffled, "password_reset", "2026-11-30T11:00:00Z")).toEqual(
      state(upToReset, "password_reset", "2026-11-30T11:00:00Z"),
    );
  });

  it("no due instant while the ball is with the merchant", () => {
    expect(state(upToReset.slice(0, 2), "user_approved", "2026-11-30T11:00:00Z").sla).toBeNull();
  });
});
