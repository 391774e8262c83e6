import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOO_MANY_REQUESTS, type Simulator } from "@/tests/lightspeed-simulator";
import { call, DEMO, freshKey, rateHeaders, startDemo, START_AT } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startDemo();
});
afterAll(() => sim.close());

describe("rate-limit headers", () => {
  // First, before any test moves the clock: the fixture's `used` belongs to the windows open at start.
  it("ship a nearly exhausted key in the demo fixture", async () => {
    const res = await call(sim.eu1Url, "/en/account.json", DEMO.nearlyExhausted);
    expect(rateHeaders(res.headers).remaining).toBe("4/2704/11704");
  });

  it("count down per key on every authenticated answer, errors included", async () => {
    const key = freshKey(sim);
    const first = await call(sim.eu1Url, "/en/account.json", key);
    expect(rateHeaders(first.headers)).toEqual({
      limit: "300/3000/12000",
      remaining: "299/2999/11999",
      reset: "300/3600/86400",
    });
    sim.clock.advance(100_000);
    const notFound = await call(sim.eu1Url, "/en/products/1.json", key);
    expect(notFound.status).toBe(404);
    expect(rateHeaders(notFound.headers)).toEqual({
      limit: "300/3000/12000",
      remaining: "298/2998/11998",
      reset: "200/3500/86300",
    });
    const other = freshKey(sim);
    expect(rateHeaders((await call(sim.eu1Url, "/en/account.json", other)).headers).remaining).toBe("299/2999/11999");
  });

  it("are mirrored by account/ratelimit.json", async () => {
    const key = freshKey(sim, { used: { fiveMin: 10, hour: 20, day: 30 } });
    sim.clock.advance(60_000);
    const res = await call(sim.eu1Url, "/en/account/ratelimit.json", key);
    expect(rateHeaders(res.headers)).toMatchObject({ remaining: "289/2979/11969", reset: "240/3540/86340" });
    expect(res.json.accountRatelimit.limit5Min).toEqual({
      limit: 300,
      remaining: 289,
      reset: 240,
      resetTime: new Date(sim.clock.now() + 240_000).toISOString().replace(".000Z", "+00:00"),
    });
    expect(res.json.accountRatelimit.limitHour).toMatchObject({ limit: 3000, remaining: 2979, reset: 3540 });
    expect(res.json.accountRatelimit.limitDay).toMatchObject({ limit: 12000, remaining: 11969, reset: 86340 });
  });
});

describe("exhaustion", () => {
  it("answers 429 with -1 in the exhausted slot and no Retry-After, then recovers when the window resets", async () => {
    const key = freshKey(sim, { used: { fiveMin: 298 } });
    expect(rateHeaders((await call(sim.eu1Url, "/en/account.json", key)).headers).remaining).toBe("1/2701/11701");
    expect(rateHeaders((await call(sim.eu1Url, "/en/account.json", key)).headers).remaining).toBe("0/2700/11700");
    sim.clock.advance(30_000);
    const limited = await call(sim.eu1Url, "/en/products/count.json", key);
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({
      error: { code: 429, method: "GET", request: "/en/products/count.json", message: TOO_MANY_REQUESTS },
    });
    expect(rateHeaders(limited.headers)).toEqual({
      limit: "300/3000/12000",
      remaining: "-1/2700/11700",
      reset: "270/3570/86370",
    });
    expect(limited.headers.get("retry-after")).toBeNull();
    // Refused requests are not counted.
    expect(rateHeaders((await call(sim.eu1Url, "/en/account.json", key)).headers).remaining).toBe("-1/2700/11700");

    sim.clock.advance(270_000);
    const after = await call(sim.eu1Url, "/en/products/count.json", key);
    expect(after.status).toBe(200);
    expect(rateHeaders(after.headers)).toEqual({
      limit: "300/3000/12000",
      remaining: "299/2699/11699",
      reset: "300/3300/86100",
    });
  });

  it("marks the hour slot when the hour is spent", async () => {
    const key = freshKey(sim, { used: { hour: 3000 } });
    const res = await call(sim.eu1Url, "/en/account.json", key);
    expect(res.status).toBe(429);
    expect(rateHeaders(res.headers).remaining).toBe("300/-1/9000");
  });

  it("refuses more than 20 requests in one second with a 429 that marks no window", async () => {
    const key = freshKey(sim);
    // 45 at once: even if the wall-clock second turns mid-burst, one second holds more than 20.
    const answers = await Promise.all(Array.from({ length: 45 }, () => call(sim.eu1Url, "/en/account.json", key)));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) {
      expect(a.json.error.message).toBe(TOO_MANY_REQUESTS);
      expect(
        rateHeaders(a.headers)
          .remaining?.split("/")
          .every((n) => Number(n) >= 0),
      ).toBe(true);
    }
    sim.clock.advance(1000);
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(200);
  });
});

describe("clock", () => {
  it("starts at startAt and only moves when told", () => {
    const before = sim.clock.now();
    expect(before).toBeGreaterThanOrEqual(START_AT);
    expect(sim.clock.now()).toBe(before);
    sim.clock.set(START_AT + 5);
    expect(sim.clock.now()).toBe(START_AT + 5);
  });
});
