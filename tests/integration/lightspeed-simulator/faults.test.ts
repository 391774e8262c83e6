import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TOO_MANY_REQUESTS, type Simulator } from "@/tests/lightspeed-simulator";
import { basic, call, freshKey, rateHeaders, startDemo } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startDemo();
});
afterEach(() => {
  sim.clearFaults();
  sim.setLatency(0);
});
afterAll(() => sim.close());

describe("fault injection", () => {
  it("status: answers the given 5xx with an error envelope for `times` requests, then recovers", async () => {
    const key = freshKey(sim);
    sim.injectFault({ kind: "status", status: 503, times: 2, match: { path: "/en/account.json" } });
    const first = await call(sim.eu1Url, "/en/account.json", key);
    expect(first.status).toBe(503);
    expect(first.json.error).toMatchObject({ code: 503, method: "GET", request: "/en/account.json" });
    expect(rateHeaders(first.headers).limit).toBe("300/3000/12000");
    expect((await call(sim.eu1Url, "/en/products/count.json", key)).status).toBe(200);
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(503);
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(200);
  });

  it("delay: holds the answer back, so a client with a shorter timeout gives up", async () => {
    const key = freshKey(sim);
    sim.injectFault({ kind: "delay", ms: 3000, times: 1 });
    await expect(call(sim.eu1Url, "/en/account.json", key, { signal: AbortSignal.timeout(100) })).rejects.toThrow(
      /abort|timeout/i,
    );
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(200);
  });

  it("non-json: answers 200 with an HTML page", async () => {
    const key = freshKey(sim);
    sim.injectFault({ kind: "non-json", times: 1 });
    const res = await call(sim.eu1Url, "/en/account.json", key);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.json).toBeNull();
    expect(res.text).toMatch(/<html>/);
  });

  it("rate-limit: forces a 429 with -1 in the chosen window and no Retry-After", async () => {
    const key = freshKey(sim);
    await call(sim.eu1Url, "/en/account.json", key);
    sim.injectFault({ kind: "rate-limit", window: "hour", times: 1 });
    const res = await call(sim.eu1Url, "/en/account.json", key);
    expect(res.status).toBe(429);
    expect(res.json.error.message).toBe(TOO_MANY_REQUESTS);
    expect(rateHeaders(res.headers).remaining).toBe("299/-1/11999");
    expect(res.headers.get("retry-after")).toBeNull();
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(200);
  });

  it("drop: destroys the connection (a network error) and logs status 0", async () => {
    const key = freshKey(sim);
    sim.clearLog();
    sim.injectFault({ kind: "drop", times: 1 });
    await expect(call(sim.eu1Url, "/en/account.json", key)).rejects.toThrow(/fetch failed/);
    expect(sim.requestLog.map((r) => r.status)).toEqual([0]);
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(200);
  });

  it("matches faults by key, cluster, method and path pattern only", async () => {
    const target = freshKey(sim);
    const bystander = freshKey(sim);
    sim.injectFault({
      kind: "status",
      status: 500,
      match: { apiKey: target.key, cluster: "eu1", method: "get", path: /count\.json$/ },
    });
    expect((await call(sim.eu1Url, "/en/orders/count.json", target)).status).toBe(500);
    expect((await call(sim.eu1Url, "/en/orders/count.json", target)).status).toBe(500);
    expect((await call(sim.eu1Url, "/en/orders.json?limit=1", target)).status).toBe(200);
    expect((await call(sim.eu1Url, "/en/orders/count.json", bystander)).status).toBe(200);
    expect((await call(sim.us1Url, "/en/orders/count.json", target)).status).toBe(401);
    sim.clearFaults();
    expect((await call(sim.eu1Url, "/en/orders/count.json", target)).status).toBe(200);
  });

  it("latency: applies to every answer until reset", async () => {
    const key = freshKey(sim);
    sim.setLatency(2000);
    await expect(
      fetch(`${sim.eu1Url}/en/account.json`, {
        headers: { Authorization: basic(key) },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    sim.setLatency(0);
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(200);
  });
});
