import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/db/client";
import { redis, redisKey } from "@/lib/redis";
import { issueInvite } from "@/lib/staff/invite-token";
import { createStaff } from "@/tests/factories/staff";
import { E2E_BASE_URL, E2E_USERS, forgiveAddressFailures, launchBrowser, login, newContext } from "./helpers";

/** Headers, callback URLs, client addresses and invite throttling (docs/decisions/0011), against the built app under `next start`. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const HOSTILE_CALLBACKS = [
  "/.//evil.example/phish",
  "/..//evil.example/phish",
  "/%2e//evil.example/phish",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
];

function expectSecurityHeaders(headers: Headers | Record<string, string>, what: string) {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name.toLowerCase()]);
  expect(get("content-security-policy"), what).toContain("frame-ancestors 'none'");
  expect(get("content-security-policy"), what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(get("x-frame-options"), what).toBe("DENY");
  expect(get("referrer-policy"), what).toBe("no-referrer");
  expect(get("x-content-type-options"), what).toBe("nosniff");
  expect(get("x-powered-by"), what).toBeFalsy();
  // APP_URL is http in the test run: no HSTS (it would pin localhost to https).
  expect(get("strict-transport-security"), what).toBeFalsy();
}

/** Collects CSP violations a page reports in its console. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe("security headers (finding 4)", () => {
  it("are on pages, redirects, route handlers, static files and server action answers", async () => {
    const manual = { redirect: "manual" } as const;
    expectSecurityHeaders((await fetch(`${E2E_BASE_URL}/login`, manual)).headers, "page");
    expectSecurityHeaders((await fetch(`${E2E_BASE_URL}/queue`, manual)).headers, "proxy redirect");
    expectSecurityHeaders((await fetch(`${E2E_BASE_URL}/api/health`, manual)).headers, "route handler");
    expectSecurityHeaders((await fetch(`${E2E_BASE_URL}/api/exports/queue.csv`, manual)).headers, "401 from the proxy");
    const login = await (await fetch(`${E2E_BASE_URL}/login`)).text();
    const chunk = login.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(chunk).toBeTruthy();
    const asset = await fetch(`${E2E_BASE_URL}${chunk}`);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
    expect(asset.headers.get("x-powered-by")).toBeNull();

    // A server action: the invite form posts to its page.
    const { user } = await createStaff();
    const token = await db.transaction((tx) => issueInvite(tx, user.id, null));
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = cspViolations(page);
    await page.goto(`/invite/${token}`);
    await page.getByLabel("New password").fill("a long enough pass 1");
    await page.getByLabel("Repeat the password").fill("a long enough pass 2");
    const [action] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/invite/${token}`),
      page.getByRole("button").click(),
    ]);
    expect(action.request().headers()["next-action"]).toBeTruthy();
    expectSecurityHeaders(await action.allHeaders(), "server action");
    await page.getByText("The passwords do not match.").first().waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("a page of the console framed by another page is refused", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, "lead");
    await page.goto("/api/health");
    // A same-site page framing the signed-in workspace (the attack in the issue).
    await page.setContent(`<iframe id="victim" src="${E2E_BASE_URL}/queue" width="800" height="600"></iframe>`);
    await page.waitForTimeout(3000);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(
      await frame
        ?.locator("[data-testid=current-user]")
        .count()
        .catch(() => 0),
    ).toBe(0);
    const framedHtml = await frame?.content().catch(() => "");
    expect(framedHtml ?? "").not.toContain(E2E_USERS.lead.name);
    await context.close();
  });

  it("scripts run under the CSP: signing in and the queue work without violations", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = cspViolations(page);
    await login(page, "specialist");
    await expect.poll(() => page.getByTestId("current-user").innerText()).toContain(E2E_USERS.specialist.name);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe("callback URLs after sign-in (finding 2)", () => {
  it.each(HOSTILE_CALLBACKS)(
    "GET /login?callbackUrl=%s when signed in redirects inside the console",
    async (callbackUrl) => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await login(page, "specialist");
      const response = await context.request.get(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
        maxRedirects: 0,
      });
      expect(response.status()).toBe(307);
      const location = new URL(response.headers()["location"]!, E2E_BASE_URL);
      expect(location.origin).toBe(E2E_BASE_URL);
      expect(location.pathname).toBe("/queue");
      await context.close();
    },
  );

  it("signing in from a hostile callback URL stays on the console", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).hostname.includes("evil.example")) foreign.push(request.url());
    });
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/.//evil.example/phish")}`);
    await page.getByLabel("Email").fill(E2E_USERS.lead.email);
    await page.getByLabel("Password").fill(E2E_USERS.lead.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
    expect(new URL(page.url()).pathname).toBe("/queue");
    await expect.poll(() => page.getByTestId("current-user").innerText()).toContain(E2E_USERS.lead.name);
    expect(foreign).toEqual([]);
    await context.close();
  });
});

describe("client address (finding 3)", () => {
  it("rotating X-Forwarded-For does not give a fresh sign-in budget (TRUSTED_PROXY_HOPS=0)", async () => {
    await forgiveAddressFailures();
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto("/login");
      for (let i = 0; i < 6; i++) {
        // Each guess claims another client address, the way the issue's attacker did.
        await context.setExtraHTTPHeaders({ "x-forwarded-for": `198.18.0.${i + 1}, 10.9.9.9` });
        await page.getByLabel("Email").fill(`guess-${i}-${Date.now()}@e2e.test`);
        await page.getByLabel("Password").fill("wrong-password-guess");
        await Promise.all([
          page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
          page.getByRole("button", { name: "Sign in" }).click(),
        ]);
        const expected = i < 5 ? "Invalid email or password." : "Too many failed sign-ins. Try again in 15 minutes.";
        await expect.poll(() => page.getByTestId("login-error").textContent()).toBe(expected);
      }
      // Counted against the socket's address (stamped at the socket), not against "unknown".
      const keys = await redis().keys(redisKey("signin-fail", "ip", "*"));
      expect(keys.map((k) => k.split(":ip:")[1])).toEqual([expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]);
    } finally {
      await context.close();
      await forgiveAddressFailures();
    }
  }, 180_000);
});

describe("malformed token URLs (finding 9)", () => {
  it.each(["/connect/%ff", "/invite/%ff", "/connect/not-a-token", "/invite/%E0%A4%A"])(
    "%s answers 404 with the console's own page",
    async (path) => {
      const response = await fetch(`${E2E_BASE_URL}${path}`);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("404 · Page not found");
      expect(html).not.toMatch(/Internal Server Error|Application error/);
      expectSecurityHeaders(response.headers, path);
    },
  );

  it("the not-found page renders in a browser with its scripts allowed", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = cspViolations(page);
    const response = await page.goto("/connect/%ff");
    expect(response?.status()).toBe(404);
    await page.getByTestId("not-found").waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
