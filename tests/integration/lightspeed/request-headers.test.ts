import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LightspeedError } from "@/lib/lightspeed/client/errors";
import { lightspeedGet, USER_AGENT } from "@/lib/lightspeed/client/request";
import { randomCredential } from "@/tests/helpers/simulator";
import { setBaseUrls } from "@/lib/lightspeed/client/base-url";

/**
 * What goes over the wire, seen by a plain loopback server (the simulator does not record
 * headers): Basic auth, the console's User-Agent, and no redirect followed with credentials.
 */
let seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let elsewhere: Server;
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    seen.push({ url: `elsewhere${req.url}`, headers: req.headers });
    res.end("{}");
  });
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    if (req.url === "/en/shop.json")
      return void res.writeHead(302, { Location: `${urlOf(elsewhere)}/en/shop.json` }).end();
    res.writeHead(200, {
      "Content-Type": "application/json",
      "X-RateLimit-Limit": "300/3000/12000",
      "X-RateLimit-Remaining": "299/2999/11999",
      "X-RateLimit-Reset": "300/3600/86400",
    });
    res.end(JSON.stringify({ account: { id: 7 } }));
  });
  await Promise.all([server, elsewhere].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
  setBaseUrls({ eu1: urlOf(server) });
});
afterAll(async () => {
  setBaseUrls({});
  await Promise.all(
    [server, elsewhere].map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  );
});

const context = (key: string, secret: string) => ({
  cluster: "eu1" as const,
  language: "en",
  key,
  secret,
  timeoutMs: 2000,
  maxWaitMs: 0,
  tally: { requests: 0, rateLimit: null },
});

describe("lightspeedGet on the wire", () => {
  it("sends HTTP Basic with key and secret and names the console", async () => {
    seen = [];
    const [key, secret] = [randomCredential(), randomCredential()];
    const ctx = context(key, secret);
    const response = await lightspeedGet(ctx, "account");
    expect(response.body).toEqual({ account: { id: 7 } });
    expect(ctx.tally).toEqual({
      requests: 1,
      rateLimit: { limit: [300, 3000, 12000], remaining: [299, 2999, 11999], reset: [300, 3600, 86400] },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("/en/account.json");
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`);
    expect(seen[0]!.headers["user-agent"]).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^ActenzoOnboardingConsole\/\S+ \(\+\S+@\S+\)$/);
  });

  it("does not follow a redirect, so credentials never reach another host", async () => {
    seen = [];
    const error = await lightspeedGet(context(randomCredential(), randomCredential()), "shop").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LightspeedError);
    expect(error).toMatchObject({ kind: "bad_response", status: 302, path: "/en/shop.json" });
    expect(seen.map((s) => s.url)).toEqual(["/en/shop.json"]);
  });
});
