import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { createStaff } from "@/tests/factories/staff";
import { E2E_BASE_URL, launchBrowser, login, newContext } from "./helpers";

/** Several sign-ins and fresh browsers per test: slower than the suite's default on a busy machine. */
const SLOW = 240_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens /queue in a fresh browser that holds only `cookies`; returns where it ended up. */
async function openQueueWith(cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const context = await newContext(browser);
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto("/queue");
  const path = new URL(page.url()).pathname;
  await context.close();
  return path;
}

describe("revocable sessions in the browser", () => {
  it(
    "a session cookie copied before sign-out no longer opens the queue after it",
    async () => {
      // Own account: signing out ends every session of that person, so the shared e2e users stay out of it.
      const { user, password } = await createStaff({ role: "specialist" });
      const context = await newContext(browser);
      const page = await context.newPage();
      await login(page, { email: user.email, password });
      const copied = await context.cookies();
      expect(await openQueueWith(copied)).toBe("/queue");

      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await page.waitForURL((url) => url.pathname === "/login");
      expect(await openQueueWith(copied)).toBe("/login");
      await context.close();
    },
    SLOW,
  );

  it(
    "“Sign out everywhere” in the header ends the sessions of other browsers too",
    async () => {
      const { user, password } = await createStaff({ role: "lead" });
      const other = await newContext(browser);
      await login(await other.newPage(), { email: user.email, password });
      const otherCookies = await other.cookies();

      const context = await newContext(browser);
      const page = await context.newPage();
      await login(page, { email: user.email, password });
      page.once("dialog", (dialog) => void dialog.accept());
      await page.getByRole("button", { name: "Sign out everywhere" }).click();
      await page.waitForURL(`${E2E_BASE_URL}/login**`);
      expect(await openQueueWith(otherCookies)).toBe("/login");
      await Promise.all([context.close(), other.close()]);
    },
    SLOW,
  );
});
