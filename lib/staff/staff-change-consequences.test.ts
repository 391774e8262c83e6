import { describe, expect, it } from "vitest";
import { approvalConsequence, deactivationConsequence, roleChangeConsequence } from "./staff-change-consequences";

describe("roleChangeConsequence", () => {
  it("says a new lead sees every queue and can reveal secrets", () => {
    expect(roleChangeConsequence("Lucas Smit", "specialist", "lead")).toBe(
      "Lucas Smit becomes a team lead (was integration specialist): Lucas will see every queue, assign merchants " +
        "to anyone and reveal secrets. Lucas is signed out everywhere and signs in again under the new role.",
    );
  });

  it("says a demoted admin loses staff management", () => {
    expect(roleChangeConsequence("Eva", "admin", "specialist")).toContain(
      "Eva becomes an integration specialist (was admin): Eva will claim and work merchants, but not assign others",
    );
  });
});

describe("deactivationConsequence", () => {
  it("names how many open merchants go to whom", () => {
    expect(deactivationConsequence("Eva", 12, "Lucas Smit")).toBe(
      "Eva has 12 open merchants; they will go to Lucas Smit. Eva is signed out on their next click and can no longer sign in.",
    );
    expect(deactivationConsequence("Eva", 1, null)).toMatch(
      /^Eva has 1 open merchant; it will go to the active specialists, fewest open merchants first\./,
    );
  });

  it("says when there is nothing to hand over", () => {
    expect(deactivationConsequence("Eva", 0, null)).toMatch(/^Eva has no open merchants\./);
  });
});

describe("approvalConsequence", () => {
  it("names the address, the role and what it allows", () => {
    expect(approvalConsequence("Ann de Vries", "ann@actenzo.com", "specialist")).toBe(
      "Ann de Vries (ann@actenzo.com) can sign in with the company account as an integration specialist: " +
        "Ann will claim and work merchants, but not assign others or reveal secrets. " +
        "To give another role, change it before approving.",
    );
  });
});
