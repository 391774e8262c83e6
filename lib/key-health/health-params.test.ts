import { describe, expect, it } from "vitest";
import { headroomLabel, healthHref, parseHealthParams } from "./health-params";

describe("/health URL state", () => {
  it("reads several states, a cluster and a page, dropping what it does not know", () => {
    expect(parseHealthParams({ state: "rejected,bogus,permission_gap", cluster: "us1", page: "3" })).toEqual({
      state: ["rejected", "permission_gap"],
      cluster: "us1",
      page: 3,
    });
    expect(parseHealthParams({ state: ["healthy", "healthy"], cluster: "mars", page: "-1" })).toEqual({
      state: ["healthy"],
      cluster: undefined,
      page: 1,
    });
  });

  it("writes the URL back without defaults", () => {
    expect(healthHref({ state: ["rejected"], page: 1 })).toBe("/health?state=rejected");
    expect(healthHref({})).toBe("/health");
  });

  it("describes the 5-minute headroom", () => {
    expect(headroomLabel({ limit: [300, 3000, 12000], remaining: [287, 2900, 11000], reset: [100, 1000, 10000] })).toBe(
      "287 of 300 left per 5 min",
    );
    expect(headroomLabel({ limit: [300, 3000, 12000], remaining: [-1, 2900, 11000], reset: [42, 1000, 10000] })).toBe(
      "exhausted (resets in 42 s)",
    );
    expect(headroomLabel(null)).toBeNull();
  });
});
