import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { installClientIpStamp } from "@/lib/auth/client-ip-stamp";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { SIGN_IN_THROTTLE } from "@/lib/auth/sign-in-throttle-policy";
import { CONNECT_ATTEMPT_LIMITS, submitConnectCredentials } from "@/lib/connect-links";
import { generateLinkToken } from "@/lib/connect-links/token";
import { overrideEnv } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { redis, redisKey } from "@/lib/redis";

/**
 * The same socket-level stamp `next start` runs (instrumentation.ts), in front of a real HTTP
 * server whose handler does what the sign-in route and the connect action do: read clientIp()
 * from the request headers and call the throttled verb. Requests rotate X-Forwarded-For.
 */
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  installClientIpStamp();
  server = http.createServer((req, res) => {
    const ip = clientIp(req.headers);
    const url = new URL(req.url ?? "/", "http://x");
    const attempt =
      url.pathname === "/sign-in"
        ? signInWithPassword({ email: url.searchParams.get("email") ?? "", password: "wrong-password", ip })
        : submitConnectCredentials(generateLinkToken(), { key: "k", secret: "s" }, { ip });
    attempt.then(
      () => res.writeHead(200).end(ip),
      (error: unknown) => res.writeHead(error instanceof RateLimitedError ? 429 : 401, { "x-client": ip }).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  restoreHops?.();
});

let restoreHops: (() => void) | undefined;
function setHops(hops: number) {
  restoreHops?.();
  restoreHops = overrideEnv({ TRUSTED_PROXY_HOPS: String(hops) });
}

const statuses = (responses: Response[]) => responses.map((r) => r.status);
let sequence = 0;

describe("per-address limits with TRUSTED_PROXY_HOPS=0 (issue 7, finding 3)", () => {
  it("sign-in: rotating or appending X-Forwarded-For shares the socket address's budget", async () => {
    setHops(0);
    const responses: Response[] = [];
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures + 3; i++) {
      const spoof = i % 2 ? `198.19.${i}.9` : `198.19.${i}.1, 198.19.9.9`;
      responses.push(
        await fetch(`${baseUrl}/sign-in?email=guess-${++sequence}@staff.test`, {
          headers: { "x-forwarded-for": spoof },
        }),
      );
    }
    expect(new Set(responses.map((r) => r.headers.get("x-client")))).toEqual(new Set(["127.0.0.1"]));
    expect(statuses(responses)).toEqual([...Array(SIGN_IN_THROTTLE.maxFailures).fill(401), 429, 429, 429]);
    // One key for the address, none for the made-up ones (other files of this worker add their own).
    const keys = await redis().keys(redisKey("signin-fail", "ip", "*"));
    expect(keys).toContain(redisKey("signin-fail", "ip", "127.0.0.1"));
    expect(keys.filter((key) => key.includes("198.19."))).toEqual([]);
  });

  it("connect page: rotating X-Forwarded-For shares one budget", async () => {
    setHops(0);
    const responses: Response[] = [];
    for (let i = 0; i < CONNECT_ATTEMPT_LIMITS.perIp + 2; i++) {
      responses.push(await fetch(`${baseUrl}/connect`, { headers: { "x-forwarded-for": `198.18.${i}.1` } }));
    }
    expect(statuses(responses).filter((s) => s === 429)).toHaveLength(2);
    const keys = await redis().keys(redisKey("connect-attempts", "ip", "*"));
    expect(keys).toContain(redisKey("connect-attempts", "ip", "127.0.0.1"));
    expect(keys.filter((key) => key.includes("198.18."))).toEqual([]);
  });

  it("a client cannot send the stamped header itself", async () => {
    setHops(0);
    const response = await fetch(`${baseUrl}/sign-in?email=forged-${++sequence}@staff.test`, {
      headers: { "x-actenzo-client-ip": "192.0.2.99", "x-actenzo-client-ip-proof": "guess" },
    });
    expect(response.headers.get("x-client")).toBe("127.0.0.1");
  });
});

describe("per-address limits behind one load balancer (TRUSTED_PROXY_HOPS=1)", () => {
  it("takes the address the balancer appended, so two clients keep their own budgets", async () => {
    setHops(1);
    const from = (client: string) =>
      fetch(`${baseUrl}/sign-in?email=lb-${++sequence}@staff.test`, {
        headers: { "x-forwarded-for": `6.6.6.6, ${client}` },
      });
    const first = await from("198.51.100.20");
    const second = await from("198.51.100.21");
    expect([first.headers.get("x-client"), second.headers.get("x-client")]).toEqual(["198.51.100.20", "198.51.100.21"]);
    const garbage = await fetch(`${baseUrl}/sign-in?email=lb-${++sequence}@staff.test`, {
      headers: { "x-forwarded-for": "<script>" },
    });
    expect(garbage.headers.get("x-client")).toBe("unknown");
  });
});
