import { describe, expect, it } from "vitest";
import { decideHealth, type HealthMemory } from "./failure-policy";

const fresh: HealthMemory = { consecutiveFailures: 0, lastFailureKind: null, alertOpen: false };
type Outcome = Parameters<typeof decideHealth>[0]["outcome"];
const decide = (
  previous: HealthMemory,
  outcome: Outcome,
  platformIncidentOpen = false,
  checked: "full" | "light" = "full",
) => decideHealth({ previous, checked, outcome, missing: ["orders:write"], platformIncidentOpen });

describe("health failure policy", () => {
  it("does not alert on one failure, alerts on the second of the same kind", () => {
    const first = decide(fresh, "unreachable");
    expect(first).toMatchObject({ action: "none", consecutiveFailures: 1, state: "platform_error", alertOpen: false });
    const second = decide(first, "unreachable");
    expect(second).toMatchObject({ action: "alert", consecutiveFailures: 2, alertOpen: true });
    expect(decide(second, "unreachable")).toMatchObject({ action: "none", consecutiveFailures: 3, alertOpen: true });
  });

  it("does not add up failures of different kinds", () => {
    const first = decide(fresh, "unreachable");
    expect(decide(first, "invalid_credentials")).toMatchObject({
      action: "none",
      consecutiveFailures: 1,
      lastFailureKind: "invalid_credentials",
    });
  });

  it("opens the re-key flow when the key is rejected or loses a grant twice in a row", () => {
    const rejected = decide(decide(fresh, "invalid_credentials"), "invalid_credentials");
    expect(rejected).toMatchObject({ action: "rekey", state: "rejected" });
    const gap = decide(decide(fresh, "permission_gap"), "permission_gap");
    expect(gap.action).toBe("rekey");
    expect(gap.reason).toContain("Orders → Write");
  });

  it("alerts again when a different failure takes over from an alerted one", () => {
    const limited = decide(decide(fresh, "rate_limited"), "rate_limited");
    expect(limited.action).toBe("alert");
    const once = decide(limited, "invalid_credentials");
    expect(once).toMatchObject({ action: "none", alertOpen: false });
    expect(decide(once, "invalid_credentials").action).toBe("rekey");
  });

  it("leaves platform errors to an open incident instead of counting them per merchant", () => {
    const first = decide(fresh, "unreachable");
    const during = decide(first, "unreachable", true);
    expect(during).toMatchObject({ action: "none", consecutiveFailures: 1, state: "platform_error" });
  });

  it("resolves an open alert on the next healthy check", () => {
    const alerted = decide(decide(fresh, "unreachable"), "unreachable");
    expect(decide(alerted, "ok")).toMatchObject({
      action: "resolve",
      state: "healthy",
      consecutiveFailures: 0,
      alertOpen: false,
    });
    expect(decide(fresh, "ok").action).toBe("none");
  });

  it("keeps a permission gap through light checks, which cannot see permissions", () => {
    const gap = decide(fresh, "permission_gap");
    expect(decide(gap, "ok", false, "light")).toMatchObject({
      state: "permission_gap",
      consecutiveFailures: 1,
      action: "none",
    });
    expect(decide(gap, "ok", false, "full")).toMatchObject({ state: "healthy", consecutiveFailures: 0 });
  });
});
