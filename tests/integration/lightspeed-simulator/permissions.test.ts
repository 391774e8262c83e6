import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PERMISSION_GROUPS } from "@/lib/lightspeed/vocabulary";
import { fullGrants, grantsWithout, loadFixture, startSimulator, type Simulator } from "@/tests/lightspeed-simulator";
import { call, DEMO, DEMO_FIXTURE, freshKey, rateHeaders, startDemo } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startDemo();
});
afterEach(() => sim.setDenialStatus(403));
afterAll(() => sim.close());

/** The project contract's read probe per group. */
const PROBES = {
  content: "/en/textpages/count.json",
  products: "/en/products/count.json",
  customers: "/en/customers/count.json",
  orders: "/en/orders/count.json",
  settings: "/en/shop/settings.json",
  tracking: "/en/shop/tracking.json",
} as const;

describe("per-resource permissions", () => {
  it("denies exactly the probe of the group whose read grant is missing", async () => {
    for (const group of PERMISSION_GROUPS) {
      const key = freshKey(sim, { permissions: grantsWithout(`${group}:read`) });
      for (const [probeGroup, path] of Object.entries(PROBES)) {
        const res = await call(sim.eu1Url, path, key);
        expect([group, probeGroup, res.status]).toEqual([group, probeGroup, probeGroup === group ? 403 : 200]);
      }
    }
  });

  it("denies with the configured status (403 default, 401 when switched) and a full error envelope", async () => {
    const productsOnly = await call(sim.eu1Url, "/en/orders/count.json", DEMO.productsOnly);
    expect(productsOnly.status).toBe(403);
    expect(productsOnly.json.error).toMatchObject({ code: 403, method: "GET", request: "/en/orders/count.json" });
    expect(productsOnly.json.error.message).toEqual(expect.any(String));
    sim.setDenialStatus(401);
    const again = await call(sim.eu1Url, "/en/orders/count.json", DEMO.productsOnly);
    expect(again.status).toBe(401);
    expect(again.json.error.code).toBe(401);
    expect(rateHeaders(again.headers).limit).toBe("300/3000/12000");
  });

  it("honours the fixture's denialStatus", async () => {
    const fixture = await loadFixture(DEMO_FIXTURE);
    const other = await startSimulator({ fixture: { ...fixture, denialStatus: 401 } });
    try {
      expect((await call(other.eu1Url, "/en/textpages.json", DEMO.productsOnly)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it("treats GET as read and POST/PUT/DELETE as write", async () => {
    const readOnly = DEMO.readOnly;
    expect((await call(sim.eu1Url, "/en/products.json?limit=1", readOnly)).status).toBe(200);
    expect(
      (await call(sim.eu1Url, "/en/products.json", readOnly, { method: "POST", body: { product: { title: "x" } } }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(sim.eu1Url, "/en/products/10000001.json", readOnly, {
          method: "PUT",
          body: { product: { title: "x" } },
        })
      ).status,
    ).toBe(403);
    expect((await call(sim.eu1Url, "/en/webhooks/1.json", readOnly, { method: "DELETE" })).status).toBe(403);
    const writer = freshKey(sim, { permissions: grantsWithout("settings:read") });
    expect((await call(sim.eu1Url, "/en/webhooks.json", writer)).status).toBe(403);
    const hook = { webhook: { itemGroup: "orders", itemAction: "paid", address: "https://example.com/paid" } };
    expect((await call(sim.eu1Url, "/en/webhooks.json", writer, { method: "POST", body: hook })).status).toBe(201);
  });

  it("always allows account* for an enabled key, even with no grants", async () => {
    const none = Object.fromEntries(PERMISSION_GROUPS.map((g) => [g, { read: false, write: false }])) as ReturnType<
      typeof fullGrants
    >;
    const key = freshKey(sim, { permissions: none });
    for (const path of ["/en/account.json", "/en/account/permissions.json", "/en/account/ratelimit.json"]) {
      expect((await call(sim.eu1Url, path, key)).status).toBe(200);
    }
  });
});

describe("account/permissions.json", () => {
  it("declares the key's grid in the contract shape", async () => {
    const grants = grantsWithout("orders:write", "tracking");
    const key = freshKey(sim, { permissions: grants });
    const res = await call(sim.eu1Url, "/en/account/permissions.json", key);
    expect(res.json).toEqual({ accountPermissions: grants });
    expect(res.json.accountPermissions.tracking).toEqual({ read: false, write: false });
    expect(res.json.accountPermissions.orders).toEqual({ read: true, write: false });
  });

  it("answers some other shape when asked to", async () => {
    const key = freshKey(sim);
    sim.setPermissionsShape("unrecognised");
    try {
      const res = await call(sim.eu1Url, "/en/account/permissions.json", key);
      expect(res.status).toBe(200);
      expect(Array.isArray(res.json.accountPermissions)).toBe(true);
    } finally {
      sim.setPermissionsShape("contract");
    }
  });
});
