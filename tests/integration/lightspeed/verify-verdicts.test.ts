import { describe, expect, it } from "vitest";
import { verify } from "@/lib/lightspeed/verify";
import { ValidationError } from "@/lib/errors";
import { FULL_PATHS, US_SHOP, EU_SHOP, grants, randomCredential, withSimulator } from "@/tests/helpers/simulator";

const lab = withSimulator();

describe("verify: verdicts", () => {
  it("calls a fully granted key healthy after exactly 8 GETs: account, permissions, one probe per group", async () => {
    const key = lab.addKey();
    const result = await verify({ key: key.key, secret: key.secret });
    expect(result).toMatchObject({
      verdict: "healthy",
      cluster: "eu1",
      language: "en",
      accountId: EU_SHOP.id,
      missing: [],
      requests: 8,
    });
    expect(Object.values(result.grants).every((g) => g.read === true && g.write === true)).toBe(true);
    expect(key.log().map((r) => r.path)).toEqual(FULL_PATHS);
    expect(key.log().every((r) => r.method === "GET" && r.cluster === "eu1")).toBe(true);
    expect(result.rateLimit).toEqual({
      limit: [300, 3000, 12000],
      remaining: [292, 2992, 11992],
      reset: expect.any(Array),
    });
  });

  it("names the unticked checkboxes as incomplete_permissions", async () => {
    const key = lab.addKey({
      permissions: grants({ orders: { write: false }, tracking: { read: false, write: false } }),
    });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result.verdict).toBe("incomplete_permissions");
    expect(result.missing).toEqual(["orders:write", "tracking:read", "tracking:write"]);
    expect(result.grants.orders).toEqual({ read: true, write: false });
    expect(result.grants.tracking).toEqual({ read: false, write: false });
    expect(result.requests).toBe(8);
  });

  it("reports invalid_credentials for a wrong secret, after trying eu1 then us1", async () => {
    const key = lab.addKey();
    const result = await verify({ key: key.key, secret: randomCredential() });
    expect(result).toMatchObject({ verdict: "invalid_credentials", cluster: null, accountId: null, requests: 2 });
    expect(result.missing).toHaveLength(12);
    expect(key.paths()).toEqual(["eu1 GET /en/account.json 401", "us1 GET /en/account.json 401"]);
  });

  it("reports invalid_credentials for a switched-off key with one request when the cluster is known", async () => {
    const key = lab.addKey({ enabled: false });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "invalid_credentials", cluster: null, requests: 1 });
    expect(key.paths()).toEqual(["eu1 GET /en/account.json 401"]);
  });

  it("finds a us1 key by falling back after eu1's 401, and says so", async () => {
    const key = lab.addKey({ shopId: US_SHOP.id });
    const result = await verify({ key: key.key, secret: key.secret });
    expect(result).toMatchObject({ verdict: "healthy", cluster: "us1", accountId: US_SHOP.id });
    // The rejected eu1 attempt is the one extra request discovery costs.
    expect(result.requests).toBe(9);
    expect(key.paths()[0]).toBe("eu1 GET /en/account.json 401");
    expect(
      key
        .log()
        .slice(1)
        .map((r) => `${r.cluster} ${r.path}`),
    ).toEqual(FULL_PATHS.map((p) => `us1 ${p}`));
  });

  it("does not try us1 when the cluster is given", async () => {
    const key = lab.addKey({ shopId: US_SHOP.id });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "invalid_credentials", requests: 1 });
    expect(key.log().every((r) => r.cluster === "eu1")).toBe(true);
  });

  it("does not fall back to us1 when eu1 fails for another reason than 401", async () => {
    const key = lab.addKey({ shopId: US_SHOP.id });
    lab.sim.injectFault({ kind: "status", status: 503, match: { apiKey: key.key, cluster: "eu1" } });
    const result = await verify({ key: key.key, secret: key.secret });
    expect(result).toMatchObject({ verdict: "unreachable", cluster: null, requests: 3 });
    expect(key.log().every((r) => r.cluster === "eu1")).toBe(true);
  });

  it("uses the shop language it is given in every path", async () => {
    const key = lab.addKey({ shopId: US_SHOP.id });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "us1", language: "us" });
    expect(result).toMatchObject({ verdict: "healthy", language: "us", requests: 8 });
    expect(key.log().every((r) => r.path.startsWith("/us/"))).toBe(true);
  });

  it.each([
    ["a short key", { key: "abc", secret: randomCredential() }],
    ["a secret with punctuation", { key: randomCredential(), secret: `${randomCredential().slice(1)}!` }],
    ["a language that is not two letters", { key: randomCredential(), secret: randomCredential(), language: "../x" }],
  ])("refuses %s before sending anything", async (_name, input) => {
    const before = lab.sim.requestLog.length;
    await expect(verify(input)).rejects.toBeInstanceOf(ValidationError);
    expect(lab.sim.requestLog.length).toBe(before);
  });
});

describe("verify: a language the shop does not have", () => {
  it("is unreachable after one request: the account cannot be read in that language", async () => {
    const key = lab.addKey();
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1", language: "de" });
    expect(result).toMatchObject({ verdict: "unreachable", cluster: null, language: "de", requests: 1 });
    expect(key.paths()).toEqual(["eu1 GET /de/account.json 404"]);
  });
});
