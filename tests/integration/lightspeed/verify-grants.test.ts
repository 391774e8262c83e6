import { describe, expect, it, vi } from "vitest";
import { verify } from "@/lib/lightspeed/verify";
import { EU_SHOP, FULL_PATHS, grants, withSimulator } from "@/tests/helpers/simulator";

const lab = withSimulator();

describe("verify: declared and probed grants", () => {
  it.each([401, 403] as const)("reads a probe denied with %i as a missing read grant", async (status) => {
    lab.sim.setDenialStatus(status);
    const key = lab.addKey({
      permissions: grants({ customers: { read: false }, settings: { read: false, write: false } }),
    });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result.verdict).toBe("incomplete_permissions");
    expect(result.grants.customers).toEqual({ read: false, write: true });
    expect(result.grants.settings).toEqual({ read: false, write: false });
    expect(result.missing).toEqual(["customers:read", "settings:read", "settings:write"]);
    expect(key.paths()).toContain(`eu1 GET /en/customers/count.json ${status}`);
    expect(result.requests).toBe(8);
  });

  it("lets a denied probe win over a declaration that says granted", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({ kind: "status", status: 403, match: { apiKey: key.key, path: "/en/orders/count.json" } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result.grants.orders).toEqual({ read: false, write: true });
    expect(result).toMatchObject({ verdict: "incomplete_permissions", missing: ["orders:read"] });
  });

  it("lets a successful probe win over a declaration that says denied", async () => {
    // The simulator derives both answers from one grid, so the grid changes between them: the
    // first probe is held back until permissions.json (products read off) has been answered.
    const key = lab.addKey({ permissions: grants({ products: { read: false } }) });
    lab.sim.injectFault({
      kind: "delay",
      ms: 500,
      times: 1,
      match: { apiKey: key.key, path: "/en/textpages/count.json" },
    });
    const running = verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    await vi.waitUntil(() => key.log().some((r) => r.path === "/en/account/permissions.json" && r.status === 200), {
      timeout: 2000,
      interval: 5,
    });
    lab.sim.upsertKey({ key: key.key, secret: key.secret, shopId: EU_SHOP.id, enabled: true, permissions: grants() });
    const result = await running;
    expect(result.grants.products).toEqual({ read: true, write: true });
    expect(result.verdict).toBe("healthy");
  });

  it("treats an unrecognised permissions shape as unknown writes, with reads still confirmed by probes", async () => {
    lab.sim.setPermissionsShape("unrecognised");
    try {
      const key = lab.addKey();
      const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
      expect(result.verdict).toBe("incomplete_permissions");
      expect(Object.values(result.grants)).toEqual(Array(6).fill({ read: true, write: null }));
      expect(result.missing).toEqual([
        "content:write",
        "products:write",
        "customers:write",
        "orders:write",
        "settings:write",
        "tracking:write",
      ]);
      expect(key.log().map((r) => r.path)).toEqual(FULL_PATHS);
    } finally {
      lab.sim.setPermissionsShape("contract");
    }
  });

  it("keeps going when permissions.json itself is refused: reads from probes, writes unknown", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({
      kind: "status",
      status: 403,
      match: { apiKey: key.key, path: "/en/account/permissions.json" },
    });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result.verdict).toBe("incomplete_permissions");
    expect(result.grants.products).toEqual({ read: true, write: null });
    expect(result.requests).toBe(8);
  });

  it("never probes a write: only GETs reach the simulator, one per probe path", async () => {
    const key = lab.addKey({ permissions: grants({ content: { write: false }, orders: { write: false } }) });
    await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(key.log().map((r) => r.method)).toEqual(Array(8).fill("GET"));
    expect(new Set(key.log().map((r) => r.path)).size).toBe(8);
  });
});
