import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKey, type Simulator } from "@/tests/lightspeed-simulator";
import { call, DEMO, rateHeaders, startDemo } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startDemo();
});
afterAll(() => sim.close());

async function control(method: string, path: string, body?: unknown, baseUrl = sim.eu1Url) {
  const res = await fetch(`${baseUrl}/__sim/${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

describe("control API under /__sim/", () => {
  it("upserts and deletes keys, from either port", async () => {
    const key = makeKey("control-api-key", { shopId: 2001 });
    expect((await control("POST", "keys", key, sim.us1Url)).status).toBe(200);
    expect((await call(sim.us1Url, "/us/account.json", key)).status).toBe(200);
    expect((await control("DELETE", `keys/${key.key}`)).status).toBe(204);
    expect((await call(sim.us1Url, "/us/account.json", key)).status).toBe(401);
    const invalid = await control("POST", "keys", { ...key, secret: "too-short" });
    expect(invalid.status).toBe(400);
    expect(invalid.json.issues.fieldErrors.secret).toBeDefined();
  });

  it("returns the request log without its own calls, and clears it", async () => {
    expect((await control("DELETE", "requests")).status).toBe(204);
    await call(sim.eu1Url, "/en/shop.json?fields=id", DEMO.full);
    const log = await control("GET", "requests");
    expect(log.json.requests).toEqual([
      {
        cluster: "eu1",
        method: "GET",
        path: "/en/shop.json",
        query: "fields=id",
        apiKey: DEMO.full.key,
        status: 200,
        at: sim.clock.now(),
      },
    ]);
  });

  it("injects faults (with a regex path) and clears them", async () => {
    expect(
      (await control("POST", "faults", { kind: "status", status: 502, match: { path: { regex: "^/en/shop" } } }))
        .status,
    ).toBe(201);
    expect((await call(sim.eu1Url, "/en/shop.json", DEMO.full)).status).toBe(502);
    expect((await call(sim.eu1Url, "/en/account.json", DEMO.full)).status).toBe(200);
    expect((await control("DELETE", "faults")).status).toBe(204);
    expect((await call(sim.eu1Url, "/en/shop.json", DEMO.full)).status).toBe(200);
    expect((await control("POST", "faults", { kind: "explode" })).status).toBe(400);
  });

  it("switches the denial status and the latency", async () => {
    expect((await control("POST", "denial-status", { status: 401 })).status).toBe(200);
    expect((await call(sim.eu1Url, "/en/orders.json", DEMO.productsOnly)).status).toBe(401);
    await control("POST", "denial-status", { status: 403 });
    expect((await call(sim.eu1Url, "/en/orders.json", DEMO.productsOnly)).status).toBe(403);
    expect((await control("POST", "denial-status", { status: 500 })).status).toBe(400);
    expect((await control("POST", "latency", { ms: 1 })).status).toBe(200);
    expect((await call(sim.eu1Url, "/en/account.json", DEMO.full)).status).toBe(200);
    await control("POST", "latency", { ms: 0 });
  });

  it("advances the clock so windows reset", async () => {
    const key = makeKey("control-api-clock", { used: { fiveMin: 300 } });
    await control("POST", "keys", key);
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(429);
    const advanced = await control("POST", "clock/advance", { ms: 300_000 });
    expect(advanced.json.now).toBe(sim.clock.now());
    const res = await call(sim.eu1Url, "/en/account.json", key);
    expect(res.status).toBe(200);
    expect(rateHeaders(res.headers).remaining).toBe("299/2699/11699");
  });

  it("answers unknown control routes with 404", async () => {
    expect((await control("GET", "nothing")).status).toBe(404);
    expect((await control("GET", "health")).json).toMatchObject({ ok: true, eu1Url: sim.eu1Url, us1Url: sim.us1Url });
  });
});
