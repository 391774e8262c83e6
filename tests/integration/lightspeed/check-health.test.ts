import { describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/lightspeed/check-health";
import { EU_SHOP, US_SHOP, grants, randomCredential, withSimulator } from "@/tests/helpers/simulator";

const lab = withSimulator();

describe("checkHealth", () => {
  it("costs exactly one account.json and returns the budget", async () => {
    const key = lab.addKey({ permissions: grants({ orders: { read: false, write: false } }) });
    const result = await checkHealth({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ state: "ok", accountId: EU_SHOP.id, requests: 1 });
    expect(result.rateLimit?.remaining).toEqual([299, 2999, 11999]);
    expect(key.paths()).toEqual(["eu1 GET /en/account.json 200"]);
  });

  it("reports invalid_credentials for a rejected pair, on the known cluster only", async () => {
    const key = lab.addKey({ shopId: US_SHOP.id });
    const wrongSecret = await checkHealth({ key: key.key, secret: randomCredential(), cluster: "us1" });
    const wrongCluster = await checkHealth({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(wrongSecret).toMatchObject({ state: "invalid_credentials", accountId: null, requests: 1 });
    expect(wrongCluster).toMatchObject({ state: "invalid_credentials", requests: 1 });
    expect(key.paths()).toEqual(["us1 GET /en/account.json 401", "eu1 GET /en/account.json 401"]);
  });

  it("reports a switched-off key as invalid_credentials", async () => {
    const key = lab.addKey({ enabled: false });
    expect(await checkHealth({ key: key.key, secret: key.secret, cluster: "eu1" })).toMatchObject({
      state: "invalid_credentials",
      requests: 1,
    });
  });

  it("reports rate_limited on a long 429 without waiting", async () => {
    const key = lab.addKey({ used: { fiveMin: 300 } });
    const result = await checkHealth({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ state: "rate_limited", requests: 1 });
    expect(result.rateLimit?.remaining[0]).toBe(-1);
  });

  it("reports unreachable after retrying a platform error, counting the retries", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({ kind: "status", status: 500, match: { apiKey: key.key } });
    expect(await checkHealth({ key: key.key, secret: key.secret, cluster: "eu1" })).toMatchObject({
      state: "unreachable",
      requests: 3,
    });
  });

  it("reports unreachable for an HTML 200", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({ kind: "non-json", match: { apiKey: key.key } });
    expect(await checkHealth({ key: key.key, secret: key.secret, cluster: "eu1" })).toMatchObject({
      state: "unreachable",
      requests: 1,
    });
  });
});
