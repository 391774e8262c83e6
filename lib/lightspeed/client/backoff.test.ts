import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  it("doubles the ceiling with each retry", () => {
    expect(backoffDelayMs(1, () => 1, 100)).toBe(100);
    expect(backoffDelayMs(2, () => 1, 100)).toBe(200);
  });

  it("keeps at least half of the ceiling and spreads the rest", () => {
    expect(backoffDelayMs(2, () => 0, 100)).toBe(100);
    expect(backoffDelayMs(2, () => 0.5, 100)).toBe(150);
  });
});
