import { describe, expect, it } from "vitest";
import { planSpreadByLoad } from "./hand-over-plan";

const count = (plan: Map<string, string>) => {
  const per: Record<string, number> = {};
  for (const to of plan.values()) per[to] = (per[to] ?? 0) + 1;
  return per;
};

describe("planSpreadByLoad", () => {
  it("fills the least loaded specialist first until loads even out", () => {
    const plan = planSpreadByLoad(
      ["m1", "m2", "m3", "m4", "m5"],
      [
        { id: "a", name: "Anna", openMerchants: 3 },
        { id: "b", name: "Bram", openMerchants: 0 },
      ],
    );
    // Bram takes three to reach Anna, then they alternate: Anna (tie, by name), Bram.
    expect(count(plan)).toEqual({ b: 4, a: 1 });
  });

  it("breaks ties by name, then id, whatever the input order", () => {
    const candidates = [
      { id: "z", name: "Cas", openMerchants: 1 },
      { id: "y", name: "Bo", openMerchants: 1 },
      { id: "x", name: "Bo", openMerchants: 1 },
    ];
    const plan = planSpreadByLoad(["m2", "m1"], candidates);
    expect(plan.get("m1")).toBe("x");
    expect(plan.get("m2")).toBe("y");
    expect(planSpreadByLoad(["m1", "m2"], [...candidates].reverse())).toEqual(plan);
  });

  it("refuses to plan without anyone to hand to", () => {
    expect(() => planSpreadByLoad(["m1"], [])).toThrow();
  });
});
