import { describe, expect, it } from "vitest";
import { verify } from "@/lib/lightspeed/verify";
import { grants, withSimulator } from "@/tests/helpers/simulator";

const lab = withSimulator();

describe("verify: retries, timeouts and bad bodies", () => {
  it("retries 5xx twice with backoff and counts every attempt", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({
      kind: "status",
      status: 503,
      times: 2,
      match: { apiKey: key.key, path: "/en/account.json" },
    });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "healthy", requests: 10 });
    expect(key.paths().slice(0, 3)).toEqual([
      "eu1 GET /en/account.json 503",
      "eu1 GET /en/account.json 503",
      "eu1 GET /en/account.json 200",
    ]);
  });

  it("reports unreachable after the third 5xx on a probe, and no more requests", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({ kind: "status", status: 502, match: { apiKey: key.key, path: "/en/products/count.json" } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "unreachable", cluster: "eu1", requests: 6 });
    expect(key.log().filter((r) => r.path === "/en/products/count.json")).toHaveLength(3);
  });

  it("retries a dropped connection", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({ kind: "drop", times: 1, match: { apiKey: key.key, path: "/en/account/permissions.json" } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "healthy", requests: 9 });
    expect(
      key
        .log()
        .filter((r) => r.path === "/en/account/permissions.json")
        .map((r) => r.status),
    ).toEqual([0, 200]);
  });

  it("reports unreachable when every attempt is dropped", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({ kind: "drop", match: { apiKey: key.key } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "unreachable", cluster: null, requests: 3 });
  });

  it("abandons a request slower than the timeout and retries it", async () => {
    const key = lab.addKey();
    // Generous margins both ways: a loaded CI box must not turn an ordinary answer into a timeout.
    lab.sim.injectFault({ kind: "delay", ms: 3_000, times: 1, match: { apiKey: key.key, path: "/en/account.json" } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1", timeoutMs: 1_000 });
    expect(result).toMatchObject({ verdict: "healthy", requests: 9 });
  });

  it("reports unreachable when every attempt times out", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({ kind: "delay", ms: 3_000, match: { apiKey: key.key, path: "/en/orders/count.json" } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1", timeoutMs: 1_000 });
    expect(result).toMatchObject({ verdict: "unreachable", cluster: "eu1", requests: 8 });
    expect(key.log().filter((r) => r.path === "/en/orders/count.json")).toHaveLength(3);
  });

  it("calls an HTML 200 on account.json unreachable without retrying it", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({ kind: "non-json", match: { apiKey: key.key, path: "/en/account.json" } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "unreachable", cluster: null, accountId: null, requests: 1 });
  });

  it("never reads an HTML 200 on a probe as a granted read", async () => {
    const key = lab.addKey({ permissions: grants({ customers: { read: false } }) });
    lab.sim.injectFault({ kind: "non-json", match: { apiKey: key.key, path: "/en/customers/count.json" } });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "unreachable", requests: 5 });
    expect(result.grants.customers.read).toBe(false); // the declaration, untouched by the HTML answer
  });

  it("refuses a 2xx that carries an error envelope", async () => {
    const key = lab.addKey();
    lab.sim.injectFault({
      kind: "status",
      status: 200,
      match: { apiKey: key.key, path: "/en/account/permissions.json" },
    });
    const result = await verify({ key: key.key, secret: key.secret, cluster: "eu1" });
    expect(result).toMatchObject({ verdict: "unreachable", requests: 2 });
  });
});
