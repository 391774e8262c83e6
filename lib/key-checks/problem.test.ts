import { describe, expect, it } from "vitest";
import { isConclusive, verificationProblem } from "./problem";

describe("verification problem in plain words", () => {
  it("names exactly the checkboxes to tick", () => {
    expect(
      verificationProblem({ verdict: "incomplete_permissions", missing: ["orders:write", "tracking:read"] })
        .merchantAction,
    ).toBe("Tick these checkboxes on the API key and save: Orders → Write, Tracking → Read.");
  });

  it("tells the merchant a rejected pair was rejected", () => {
    expect(verificationProblem({ verdict: "invalid_credentials", missing: [] }).merchantAction).toMatch(
      /rejected this API key and secret/,
    );
  });

  it("does not blame the merchant for Lightspeed being down or busy", () => {
    for (const verdict of ["unreachable", "rate_limited"] as const) {
      const problem = verificationProblem({ verdict, missing: [] });
      expect(problem.merchantAction).toBeNull();
      expect(problem.error).toMatch(/retried/);
      expect(isConclusive(verdict)).toBe(false);
    }
    expect(verificationProblem({ verdict: "healthy", missing: [] })).toEqual({ merchantAction: null, error: null });
  });
});
