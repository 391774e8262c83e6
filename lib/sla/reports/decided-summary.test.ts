import { describe, expect, it } from "vitest";
import { summarizeDecided, type DecidedGroup } from "./decided-summary";

const g = (over: Partial<DecidedGroup>): DecidedGroup => ({
  step: "password_reset",
  policyVersion: 0,
  cause: "agency",
  breached: false,
  stillOpen: false,
  week: "2026-11-02",
  n: 1,
  ...over,
});

describe("summarizeDecided", () => {
  it("sums outcomes per step with every policy version used, causes per scope, and weeks in order", () => {
    const summary = summarizeDecided([
      g({ n: 3 }),
      g({ policyVersion: 2, breached: true, cause: "platform", n: 2 }),
      g({ breached: true, stillOpen: true, n: 1, week: "2026-10-26" }),
      g({ step: "end_to_end", breached: true, cause: "merchant", n: 4 }),
      g({ step: "end_to_end", n: 5, week: "2026-10-26" }),
    ]);
    expect(summary.outcomes).toEqual([
      { step: "password_reset", versions: [0, 2], achieved: 3, breached: 3, openBreached: 1 },
      { step: "end_to_end", versions: [0], achieved: 5, breached: 4, openBreached: 0 },
    ]);
    expect(summary.causes).toEqual([
      { scope: "step", cause: "platform", n: 2 },
      { scope: "step", cause: "agency", n: 1 },
      { scope: "end_to_end", cause: "merchant", n: 4 },
    ]);
    expect(summary.trend).toEqual([
      { week: "2026-10-26", achieved: 0, breached: 1, e2eAchieved: 5, e2eBreached: 0 },
      { week: "2026-11-02", achieved: 3, breached: 2, e2eAchieved: 0, e2eBreached: 4 },
    ]);
  });
});
