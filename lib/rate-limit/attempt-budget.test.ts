import { describe, expect, it } from "vitest";
import { secondsUntilFree } from "./attempt-budget";

const budgets = [
  { key: "a", limit: 10, windowMs: 3_600_000 },
  { key: "b", limit: 30, windowMs: 3_600_000 },
];

describe("secondsUntilFree", () => {
  it("waits for the latest full budget, rounded up", () => {
    expect(
      secondsUntilFree(budgets, [
        { used: 10, msLeft: 60_500 },
        { used: 30, msLeft: 120_000 },
      ]),
    ).toBe(120);
    expect(
      secondsUntilFree(budgets, [
        { used: 10, msLeft: 60_500 },
        { used: 3, msLeft: 900_000 },
      ]),
    ).toBe(61);
  });

  it("treats a full counter without expiry as a whole window, never as free", () => {
    expect(
      secondsUntilFree(budgets, [
        { used: 10, msLeft: -1 },
        { used: 0, msLeft: -2 },
      ]),
    ).toBe(3600);
  });

  it("is zero when nothing is full", () => {
    expect(
      secondsUntilFree(budgets, [
        { used: 9, msLeft: 1000 },
        { used: 29, msLeft: 1000 },
      ]),
    ).toBe(0);
  });
});
