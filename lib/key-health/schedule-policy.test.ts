import { describe, expect, it } from "vitest";
import type { RateLimitState } from "@/lib/lightspeed/vocabulary";
import {
  SCHEDULE,
  dueCheck,
  initialSchedule,
  nextGapRecheckAt,
  nextSchedule,
  type ScheduleInput,
} from "./schedule-policy";

const now = new Date("2030-01-01T00:00:00Z");
const HOUR = 3_600_000;
const MIN = 60_000;
const at = (ms: number) => new Date(now.getTime() + ms);
const mid = () => 0.5; // no jitter
const budget = (remaining: number, reset = 120): RateLimitState => ({
  limit: [300, 3000, 12000],
  remaining: [remaining, 2000, 10000],
  reset: [reset, 1800, 40000],
});

function input(overrides: Partial<ScheduleInput>): ScheduleInput {
  return {
    now,
    checked: "light",
    outcome: "ok",
    consecutiveFailures: 0,
    backoffLevel: 0,
    rateLimit: budget(290),
    nextLightCheckAt: now,
    nextFullCheckAt: at(10 * HOUR),
    random: mid,
    ...overrides,
  };
}

describe("health schedule policy", () => {
  it("checks a healthy key lightly every 6 hours and fully every day", () => {
    const afterLight = nextSchedule(input({}));
    expect(afterLight.nextLightCheckAt).toEqual(at(6 * HOUR));
    expect(afterLight.nextFullCheckAt).toEqual(at(10 * HOUR));
    expect(afterLight.nextCheckAt).toEqual(at(6 * HOUR));
    const afterFull = nextSchedule(input({ checked: "full" }));
    expect(afterFull.nextFullCheckAt).toEqual(at(24 * HOUR));
  });

  it("spreads keys verified at the same moment over a window instead of one instant", () => {
    const earliest = initialSchedule(now, () => 0);
    const latest = initialSchedule(now, () => 0.999999);
    expect(latest.nextLightCheckAt.getTime() - earliest.nextLightCheckAt.getTime()).toBeGreaterThan(70 * MIN);
    expect(latest.nextFullCheckAt.getTime() - earliest.nextFullCheckAt.getTime()).toBeGreaterThan(3.9 * HOUR);
  });

  it("confirms a first rejection within minutes, then returns to the normal rhythm", () => {
    const first = nextSchedule(input({ outcome: "invalid_credentials", consecutiveFailures: 1 }));
    expect(first.nextLightCheckAt).toEqual(at(SCHEDULE.confirm.every));
    const second = nextSchedule(input({ outcome: "invalid_credentials", consecutiveFailures: 2 }));
    expect(second.nextLightCheckAt).toEqual(at(6 * HOUR));
    const gap = nextSchedule(input({ checked: "full", outcome: "permission_gap", consecutiveFailures: 1 }));
    expect(gap.nextFullCheckAt).toEqual(at(15 * MIN));
  });

  it("retries platform errors after 30 minutes, doubling up to 2 hours", () => {
    expect(nextSchedule(input({ outcome: "unreachable", consecutiveFailures: 1 })).nextLightCheckAt).toEqual(
      at(30 * MIN),
    );
    expect(nextSchedule(input({ outcome: "unreachable", consecutiveFailures: 2 })).nextLightCheckAt).toEqual(
      at(60 * MIN),
    );
    expect(nextSchedule(input({ outcome: "unreachable", consecutiveFailures: 9 })).nextLightCheckAt).toEqual(
      at(2 * HOUR),
    );
  });

  it("backs off after a 429, longer each time, and never before the exhausted window resets", () => {
    const limited: RateLimitState = {
      limit: [300, 3000, 12000],
      remaining: [120, -1, 9000],
      reset: [100, 2 * 3600, 40000],
    };
    const first = nextSchedule(input({ outcome: "rate_limited", consecutiveFailures: 1, rateLimit: limited }));
    expect(first.backoffLevel).toBe(1);
    expect(first.nextCheckAt.getTime()).toBeGreaterThanOrEqual(at(2 * HOUR).getTime());
    const third = nextSchedule(
      input({ outcome: "rate_limited", consecutiveFailures: 3, backoffLevel: 2, rateLimit: budget(-1, 60) }),
    );
    expect(third.backoffLevel).toBe(3);
    expect(third.nextCheckAt.getTime()).toBeGreaterThanOrEqual(at(2 * HOUR).getTime());
  });

  it("postpones an imminent full check while the key's 5-minute headroom is low", () => {
    const busy = nextSchedule(input({ rateLimit: budget(20), nextFullCheckAt: at(5 * MIN) }));
    expect(busy.backoffLevel).toBe(1);
    expect(busy.nextFullCheckAt).toEqual(at(30 * MIN));
    const calm = nextSchedule(input({ rateLimit: budget(250), nextFullCheckAt: at(5 * MIN), backoffLevel: 3 }));
    expect(calm.backoffLevel).toBe(0);
    expect(calm.nextFullCheckAt).toEqual(at(5 * MIN));
  });

  it("runs the full check when both are due, since it covers the light one", () => {
    expect(dueCheck({ nextLightCheckAt: at(-HOUR), nextFullCheckAt: at(-MIN) }, now)).toEqual({
      kind: "full",
      dueAt: at(-MIN),
    });
    expect(dueCheck({ nextLightCheckAt: at(-HOUR), nextFullCheckAt: at(HOUR) }, now)).toEqual({
      kind: "light",
      dueAt: at(-HOUR),
    });
    expect(dueCheck({ nextLightCheckAt: at(HOUR), nextFullCheckAt: at(HOUR) }, now)).toBeNull();
  });
});

describe("nextGapRecheckAt (a pending pair short of permissions)", () => {
  const seen = new Date("2026-11-10T10:00:00Z");
  const after = (ms: number) => new Date(seen.getTime() + ms);
  const middle = () => 0.5; // no jitter
  const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

  it("re-checks every 15 minutes for the first two hours", () => {
    expect(minutes(seen, nextGapRecheckAt(seen, seen, null, middle))).toBe(15);
    const later = after(119 * 60_000);
    expect(minutes(later, nextGapRecheckAt(seen, later, null, middle))).toBe(15);
  });
  it("then hourly for three days, then daily", () => {
    const hourly = after(2 * 3_600_000);
    expect(minutes(hourly, nextGapRecheckAt(seen, hourly, null, middle))).toBe(60);
    const daily = after(3 * 86_400_000);
    expect(minutes(daily, nextGapRecheckAt(seen, daily, null, middle))).toBe(24 * 60);
  });
  it("stays within ±10 % jitter", () => {
    expect(
      minutes(
        seen,
        nextGapRecheckAt(seen, seen, null, () => 0),
      ),
    ).toBeCloseTo(13.5);
    expect(
      minutes(
        seen,
        nextGapRecheckAt(seen, seen, null, () => 1),
      ),
    ).toBeCloseTo(16.5);
  });
  it("waits for the backoff when the key's 5-minute window is nearly used up", () => {
    expect(minutes(seen, nextGapRecheckAt(seen, seen, budget(20), middle))).toBe(30);
  });
});
