import { describe, expect, it } from "vitest";
import { totalFromFacets } from "./queue-facets";

const facets = { stage: { signed_up: 3, key_received: 5, live: 2, done: 7 } };

describe("totalFromFacets", () => {
  it("counts every step in progress, not the onboarded, when no step is chosen", () => {
    expect(totalFromFacets(facets, [])).toBe(10);
  });

  it("counts only the chosen steps, onboarded included when chosen", () => {
    expect(totalFromFacets(facets, ["key_received"])).toBe(5);
    expect(totalFromFacets(facets, ["key_received", "done"])).toBe(12);
  });

  it("counts a step without merchants as none", () => {
    expect(totalFromFacets(facets, ["user_created"])).toBe(0);
  });
});
