import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { resetEnvCache } from "@/lib/env";
import { redis, redisKey } from "@/lib/redis";

/**
 * Helpers for browser tests (tests/e2e/*.test.ts). The app runs under `next start` on
 * E2E_BASE_URL against its own database, started by tests/e2e/global-setup.ts.
 *
 *   import { E2E_BASE_URL, launchBrowser, login } from "./helpers";
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();
 *   await login(page, "specialist");
 *
 * Test data: importing this file points `@/db/client` and `@/lib/redis` at the e2e database
 * and Redis prefix, so tests may call lib verbs and factories directly (e.g. `createStaff()`
 * from tests/factories/staff.ts) to arrange what the browser will see.
 */
// E2E_PORT lets two checkouts run their browser tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

/** One seeded account per role, with known passwords (test-only values). */
export const E2E_USERS: Record<Role, { email: string; name: string; password: string }> = {
  specialist: { email: "specialist@e2e.test", name: "Sam Specialist", password: "e2e-specialist-password" },
  lead: { email: "lead@e2e.test", name: "Lee Lead", password: "e2e-lead-password" },
  admin: { email: "admin@e2e.test", name: "Ada Admin", password: "e2e-admin-password" },
};

export type E2eContext = {
  baseUrl: string;
  /** The env the server runs with (DATABASE_URL, REDIS_PREFIX, SMTP_URL, secrets…). */
  env: Record<string, string>;
  /** Every mail the app sends lands here as one JSON file ({ to, subject, text }). */
  mailDir: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export function e2eContext(): E2eContext {
  return inject("e2e");
}

// Inside a test worker (not the global setup): share the server's database and Redis prefix.
if (process.env.VITEST_WORKER_ID) {
  Object.assign(process.env, e2eContext().env);
  resetEnvCache();
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh context (own cookies) whose relative `page.goto("/queue")` resolve against the app. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: E2E_BASE_URL });
}

/** Signs in through the real login form as the seeded user of `role` (or given credentials). */
export async function login(page: Page, who: Role | { email: string; password: string }) {
  const { email, password } = typeof who === "string" ? E2E_USERS[who] : who;
  await page.goto(`${E2E_BASE_URL}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export type SentMail = { to: string; subject: string; text: string };

/** Waits for a mail the app sent (via the harness's SMTP inbox) that matches `predicate`. */
export async function waitForMail(predicate: (mail: SentMail) => boolean, timeoutMs = 10_000): Promise<SentMail> {
  const { mailDir } = e2eContext();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = readdirSync(mailDir)
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(mailDir, f), "utf8")) as SentMail);
    const found = mails.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No matching mail within ${timeoutMs} ms (${mails.length} received)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Browsers all sign in from the loopback address (the app ignores X-Forwarded-For with
 * TRUSTED_PROXY_HOPS=0): a test that fails sign-ins on purpose forgives that address after it.
 */
export async function forgiveAddressFailures() {
  const keys = await redis().keys(redisKey("signin-fail", "ip", "*"));
  if (keys.length) await redis().del(...keys);
}
