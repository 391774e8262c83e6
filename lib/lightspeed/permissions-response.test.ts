import { describe, expect, it } from "vitest";
import { parseDeclaredGrants, unknownGrants } from "./permissions-response";

const full = { read: true, write: true };

describe("parseDeclaredGrants", () => {
  it("reads the contract shape", () => {
    const body = {
      accountPermissions: {
        content: full,
        products: { read: true, write: false },
        customers: full,
        orders: { read: false, write: false },
        settings: full,
        tracking: full,
      },
    };
    const grants = parseDeclaredGrants(body);
    expect(grants.products).toEqual({ read: true, write: false });
    expect(grants.orders).toEqual({ read: false, write: false });
    expect(grants.tracking).toEqual(full);
  });

  it("gives unknown for a missing group or a non-boolean, keeping the rest", () => {
    const grants = parseDeclaredGrants({
      accountPermissions: {
        content: full,
        products: { read: "yes", write: true },
        orders: "all",
        customers: { read: true },
      },
    });
    expect(grants.content).toEqual(full);
    expect(grants.products).toEqual({ read: null, write: true });
    expect(grants.orders).toEqual({ read: null, write: null });
    expect(grants.customers).toEqual({ read: true, write: null });
    expect(grants.settings).toEqual({ read: null, write: null });
  });

  it.each([
    ["another root", { permissions: { content: full } }],
    ["a list", { accountPermissions: [{ group: "content", read: true }] }],
    ["a scalar", "ok"],
    ["null", null],
    ["an array body", [full]],
  ])("gives all unknown for %s", (_name, body) => {
    expect(parseDeclaredGrants(body)).toEqual(unknownGrants());
  });

  it("does not read inherited properties as groups", () => {
    expect(parseDeclaredGrants({ accountPermissions: Object.create({ content: full }) })).toEqual(unknownGrants());
  });
});
