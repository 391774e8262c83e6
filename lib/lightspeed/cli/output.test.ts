import { describe, expect, it } from "vitest";
import { PERMISSION_GROUPS, type Grants } from "../vocabulary";
import { missingGrants } from "../coverage";
import type { VerifyResult } from "../verify";
import { humanSummary, jsonOutput } from "./output";

function result(grants: Grants, verdict: VerifyResult["verdict"] = "incomplete_permissions"): VerifyResult {
  return {
    verdict,
    cluster: "eu1",
    language: "en",
    accountId: 42,
    shop: { accountId: 42, domain: "shop.test", title: "Shop" },
    grants,
    missing: missingGrants(grants),
    rateLimit: { limit: [300, 3000, 12000], remaining: [292, 2992, 11992], reset: [280, 3500, 86000] },
    requests: 8,
    durationMs: 31,
  };
}
const all = () => Object.fromEntries(PERMISSION_GROUPS.map((g) => [g, { read: true, write: true }])) as Grants;

describe("jsonOutput", () => {
  it("has exactly the documented keys in order, without durationMs", () => {
    expect(Object.keys(jsonOutput(result(all(), "healthy")))).toEqual([
      "verdict",
      "cluster",
      "language",
      "accountId",
      "grants",
      "missing",
      "rateLimit",
      "requests",
    ]);
  });
});

describe("humanSummary", () => {
  it("names the checkboxes still to tick", () => {
    const grants = all();
    grants.orders.write = false;
    grants.tracking.read = null;
    const text = humanSummary(result(grants));
    expect(text).toContain("  - Orders → Write\n");
    expect(text).toContain("  - Tracking → Read (could not be confirmed)");
    expect(text).not.toContain("Orders → Read");
  });

  it("asks for nothing when the key is healthy", () => {
    const text = humanSummary(result(all(), "healthy"));
    expect(text).toMatch(/^Healthy/);
    expect(text).not.toContain("Tick these");
  });
});
