import { describe, expect, it } from "vitest";
import { submissionResult } from "./submission-message";

describe("submissionResult", () => {
  it("names every unticked checkbox the way the back office labels it", () => {
    const result = submissionResult("incomplete_permissions", ["orders:write", "tracking:read"]);
    expect(result.outcome).toBe("missing_permissions");
    expect(result.missing).toEqual(["Orders → Write", "Tracking → Read"]);
    expect(result.message).toContain("these 2 checkboxes are still unticked: Orders → Write, Tracking → Read");
  });

  it("says a refused pair was rejected by Lightspeed", () => {
    expect(submissionResult("invalid_credentials", []).message).toMatch(
      /^This key and secret were rejected by Lightspeed/,
    );
  });

  it("reports success and a later check for platform trouble", () => {
    expect(submissionResult("healthy", []).outcome).toBe("connected");
    expect(submissionResult("unreachable", []).outcome).toBe("check_later");
    expect(submissionResult("rate_limited", []).outcome).toBe("check_later");
  });
});
