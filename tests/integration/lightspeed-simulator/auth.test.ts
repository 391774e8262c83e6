import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appPassword,
  INVALID_CREDENTIALS,
  loadFixture,
  startSimulator,
  type Simulator,
} from "@/tests/lightspeed-simulator";
import { call, DEMO, DEMO_FIXTURE, freshKey, rateHeaders, startDemo } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startDemo();
});
afterAll(() => sim.close());

describe("authentication", () => {
  it("accepts a good key on its shop's cluster and describes the account", async () => {
    const res = await call(sim.eu1Url, "/en/account.json", DEMO.full);
    expect(res.status).toBe(200);
    expect(res.json.account).toMatchObject({ id: 1001, appId: false, apiKey: DEMO.full.key });
    expect(res.json.account.permissions.resource).toEqual({
      id: false,
      url: "account/permissions",
      link: `${sim.eu1Url}/en/account/permissions.json`,
    });
  });

  it("answers a wrong secret, an unknown key and a missing header with 401 and no rate-limit headers", async () => {
    for (const credentials of [
      { ...DEMO.full, secret: "x".repeat(32) },
      { key: "y".repeat(32), secret: "z".repeat(32) },
      null,
    ]) {
      const res = await call(sim.eu1Url, "/en/account.json", credentials);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({
        error: { code: 401, method: "GET", request: "/en/account.json", message: INVALID_CREDENTIALS },
      });
      expect(rateHeaders(res.headers)).toEqual({ limit: null, remaining: null, reset: null });
    }
  });

  it("answers a disabled key with 401 by default, like bad credentials", async () => {
    const res = await call(sim.eu1Url, "/en/account.json", DEMO.disabled);
    expect(res.status).toBe(401);
    expect(res.json.error.message).toBe(INVALID_CREDENTIALS);
  });

  it("answers a disabled key with the fixture's disabledKeyStatus", async () => {
    const fixture = await loadFixture(DEMO_FIXTURE);
    const other = await startSimulator({ fixture: { ...fixture, disabledKeyStatus: 403 } });
    try {
      expect((await call(other.eu1Url, "/en/account.json", DEMO.disabled)).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it("refuses a key on the other cluster with 401", async () => {
    expect((await call(sim.us1Url, "/en/account.json", DEMO.full)).status).toBe(401);
    expect((await call(sim.eu1Url, "/us/account.json", DEMO.us1Full)).status).toBe(401);
    const us = await call(sim.us1Url, "/us/account.json", DEMO.us1Full);
    expect(us.status).toBe(200);
    expect(us.json.account.id).toBe(2001);
  });

  it("accepts an installed app with password md5(token + appSecret)", async () => {
    const app = {
      key: "demoappkey0000000000000000000000",
      secret: appPassword("demo-install-token-1001", "demoappsecret0000000000000000000"),
    };
    const res = await call(sim.eu1Url, "/en/account.json", app);
    expect(res.status).toBe(200);
    expect(res.json.account).toMatchObject({ id: 1001, appId: 4242 });
    expect(
      (
        await call(sim.eu1Url, "/en/account.json", {
          ...app,
          secret: appPassword("other-token", "demoappsecret0000000000000000000"),
        })
      ).status,
    ).toBe(401);
  });

  it("follows keys changed at runtime: disabling, removing", async () => {
    const key = freshKey(sim);
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(200);
    sim.upsertKey({ ...key, enabled: false });
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(401);
    sim.upsertKey({ ...key, enabled: true });
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(200);
    sim.removeKey(key.key);
    expect((await call(sim.eu1Url, "/en/account.json", key)).status).toBe(401);
  });

  it("rejects keys that are not 32 letters or digits or point at no shop", () => {
    expect(() => sim.upsertKey({ ...freshKey(sim), key: "short" })).toThrow();
    expect(() => sim.upsertKey({ ...freshKey(sim), shopId: 999 })).toThrow(/no shop 999/);
  });

  it("logs every request, 401s included, with the key that was presented", async () => {
    sim.clearLog();
    await call(sim.eu1Url, "/en/account.json?x=1", { ...DEMO.full, secret: "0".repeat(32) });
    await call(sim.eu1Url, "/en/account.json", null);
    expect(sim.requestLog).toEqual([
      {
        cluster: "eu1",
        method: "GET",
        path: "/en/account.json",
        query: "x=1",
        apiKey: DEMO.full.key,
        status: 401,
        at: sim.clock.now(),
      },
      {
        cluster: "eu1",
        method: "GET",
        path: "/en/account.json",
        query: "",
        apiKey: null,
        status: 401,
        at: sim.clock.now(),
      },
    ]);
  });
});
