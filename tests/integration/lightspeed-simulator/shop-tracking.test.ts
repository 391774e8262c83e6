import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantsWithout, type Simulator } from "@/tests/lightspeed-simulator";
import { call, freshKey, startDemo } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startDemo();
});
afterAll(() => sim.close());

/** `shop/tracking` is a list resource (the official client's ShopTracking: list, count, by id, create, update, delete). */
describe("shop/tracking", () => {
  it("lists the shop's tracking codes, counts them and serves each by id", async () => {
    const k = freshKey(sim);
    const list = await call(sim.eu1Url, "/en/shop/tracking.json", k);
    expect(list.status).toBe(200);
    expect(list.json.shopTrackings).toHaveLength(2);
    const [first] = list.json.shopTrackings as { id: number; type: string }[];
    expect((await call(sim.eu1Url, "/en/shop/tracking/count.json", k)).json).toEqual({ count: 2 });
    expect((await call(sim.eu1Url, `/en/shop/tracking/${first!.id}.json`, k)).json.shopTracking).toMatchObject({
      id: first!.id,
      type: first!.type,
    });
    expect((await call(sim.eu1Url, "/en/shop/tracking/99.json", k)).status).toBe(404);
  });

  it("creates, updates and deletes a tracking code with write access, and denies reads without the Tracking grant", async () => {
    const k = freshKey(sim);
    const created = await call(sim.eu1Url, "/en/shop/tracking.json", k, {
      method: "POST",
      body: { shopTracking: { type: "custom", content: "<script></script>", placement: "footer" } },
    });
    expect(created.status).toBe(201);
    const id = created.json.shopTracking.id as number;
    expect((await call(sim.eu1Url, "/en/shop/tracking/count.json", k)).json).toEqual({ count: 3 });
    const updated = await call(sim.eu1Url, `/en/shop/tracking/${id}.json`, k, {
      method: "PUT",
      body: { shopTracking: { isActive: false } },
    });
    expect(updated.json.shopTracking).toMatchObject({ id, isActive: false, placement: "footer" });
    expect((await call(sim.eu1Url, `/en/shop/tracking/${id}.json`, k, { method: "DELETE" })).status).toBe(204);
    expect((await call(sim.eu1Url, "/en/shop/tracking/count.json", k)).json).toEqual({ count: 2 });

    const denied = freshKey(sim, { permissions: grantsWithout("tracking:read") });
    expect((await call(sim.eu1Url, "/en/shop/tracking.json", denied)).status).toBe(403);
  });
});
