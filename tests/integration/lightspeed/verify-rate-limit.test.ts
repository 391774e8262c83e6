import { describe, expect, it, vi } from "vitest";
import { verify } from "@/lib/lightspeed/verify";
import { EU_SHOP, withSimulator } from "@/tests/helpers/simulator";

// Manual clock: the 5-minute window only moves when a test moves it.
const lab = withSimulator({}, { clock: "manual" });

describe("verify: the 10 % reserve", () => {
  it("stops probing before a request would leave less than 10 % of the 5-minute window", async () => {
    // 265 used: account.json leaves 34, permissions 33, then three probes bring it to 30 (= 10 %).
    const key = lab.addKey({ used: { fiveMin: 265 } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "rate_limited", cluster: "eu1", accountId: EU_SHOP.id, requests: 5 });
    expect(result.rateLimit?.remaining[0]).toBe(30);
    expect(key.log().map((r) => r.path)).toEqual([
      "/en/account.json",
      "/en/account/permissions.json",
      "/en/textpages/count.json",
      "/en/products/count.json",
      "/en/customers/count.json",
    ]);
  });

  it("does not even read the declared grants when account.json leaves exactly the reserve", async () => {
    const key = lab.addKey({ used: { fiveMin: 269 } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "rate_limited", requests: 1 });
    expect(result.rateLimit?.remaining[0]).toBe(30);
  });

  it("runs in full when the last probe leaves exactly 10 %", async () => {
    // 262 used: the last probe goes out with 31 left and brings the window to exactly 30.
    const key = lab.addKey({ used: { fiveMin: 262 } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "healthy", requests: 8 });
    expect(result.rateLimit?.remaining[0]).toBe(30);
  });
});

describe("verify: 429s", () => {
  it("gives up at once as rate_limited when the exhausted window resets later than max-wait", async () => {
    const key = lab.addKey({ used: { fiveMin: 300 } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1", maxWaitMs: 10_000 });
    expect(result).toMatchObject({ verdict: "rate_limited", cluster: null, requests: 1 });
    expect(result.rateLimit?.remaining[0]).toBe(-1);
    expect(key.paths()).toEqual(["eu1 GET /en/account.json 429"]);
  });

  it("gives up on a long 429 met by a probe, keeping what it learned", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({
      kind: "rate-limit",
      window: "hour",
      match: { apiKey: key.key, path: "/en/orders/count.json" },
    });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "rate_limited", cluster: "eu1", requests: 6 });
    expect(result.rateLimit?.remaining[1]).toBe(-1);
    expect(result.grants.products.read).toBe(true);
    expect(key.log().at(-1)).toMatchObject({ path: "/en/orders/count.json", status: 429 });
  });

  it("waits out a short 429 (window resets within max-wait) and carries on", async () => {
    const key = lab.addKey({ used: { fiveMin: 300 } });
    lab.sim.clock.advance(298_000); // the exhausted window now resets in 2 s
    const running = verify({ key: key.key, secret: key.secret, cluster: "eu1", maxWaitMs: 5_000 });
    await vi.waitUntil(() => key.log().some((r) => r.status === 429), { timeout: 2000, interval: 5 });
    lab.sim.clock.advance(3_000); // what the real wait would have done to the window
    const result = await running;
    expect(result).toMatchObject({ verdict: "healthy", requests: 9 });
    expect(key.paths().slice(0, 2)).toEqual(["eu1 GET /en/account.json 429", "eu1 GET /en/account.json 200"]);
  });

  it("does not wait when the short reset is still longer than max-wait", async () => {
    const key = lab.addKey({ used: { fiveMin: 0 } });
    lab.sim.clock.advance(298_000);
    lab.sim.injectFault({ kind: "rate-limit", window: "fiveMin", times: 1, match: { apiKey: key.key } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1", maxWaitMs: 1_000 });
    expect(result).toMatchObject({ verdict: "rate_limited", requests: 1 });
  });

  it("retries a forced 429 on a probe once its short window resets", async () => {
    const key = lab.addKey({ used: { fiveMin: 0 } });
    lab.sim.clock.advance(299_000); // reset in 1 s
    lab.sim.injectFault({
      kind: "rate-limit",
      window: "fiveMin",
      times: 1,
      match: { apiKey: key.key, path: "/en/shop.json" },
    });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "healthy", requests: 9 });
    expect(
      key
        .log()
        .filter((r) => r.path === "/en/shop.json")
        .map((r) => r.status),
    ).toEqual([429, 200]);
  });
});
