import { describe, expect, it } from "vitest";
import { allGranted, grantLabel, missingGrants } from "./coverage";
import { unknownGrants } from "./permissions-response";
import { PERMISSION_GROUPS, type Grants } from "./vocabulary";

const everything = (): Grants =>
  Object.fromEntries(PERMISSION_GROUPS.map((g) => [g, { read: true, write: true }])) as Grants;

describe("missingGrants", () => {
  it("is empty when all twelve grants are true", () => {
    expect(missingGrants(everything())).toEqual([]);
    expect(allGranted(everything())).toBe(true);
  });

  it("lists denied and unknown grants alike, in group order, read before write", () => {
    const grants = everything();
    grants.tracking = { read: null, write: false };
    grants.orders.write = false;
    grants.content.read = null;
    expect(missingGrants(grants)).toEqual(["content:read", "orders:write", "tracking:read", "tracking:write"]);
    expect(allGranted(grants)).toBe(false);
  });

  it("lists all twelve when nothing is known", () => {
    expect(missingGrants(unknownGrants())).toEqual([
      "content:read",
      "content:write",
      "products:read",
      "products:write",
      "customers:read",
      "customers:write",
      "orders:read",
      "orders:write",
      "settings:read",
      "settings:write",
      "tracking:read",
      "tracking:write",
    ]);
  });
});

describe("grantLabel", () => {
  it("names the checkbox as the back office shows it", () => {
    expect(grantLabel("orders:write")).toBe("Orders → Write");
    expect(grantLabel("content:read")).toBe("Content → Read");
  });
});
