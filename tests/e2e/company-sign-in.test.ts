import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, type StartedOidcProvider } from "@/tests/helpers/oidc-provider";
import { e2eContext, launchBrowser, login } from "./helpers";

/**
 * Company sign-in in a browser. The shared e2e server keeps passwords only (other tests sign in
 * with the form), so this file starts a second `next start` from the same build and database with
 * company sign-in on and PASSWORD_SIGN_IN=off, next to a real OIDC provider on loopback.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
let idp: StartedOidcProvider;
let server: ChildProcess;
let appUrl: string;
let browser: Browser;
const logFile = path.join(tmpdir(), `e2e-company-sign-in-${process.pid}.log`);

beforeAll(async () => {
  const port = await freePort();
  appUrl = `http://localhost:${port}`;
  idp = await startOidcProvider({
    redirectUris: [`${appUrl}/api/auth/callback/company`],
    accounts: {
      ann: { email: "ann.devries@actenzo.test", email_verified: true, name: "Ann de Vries" },
      mallory: { email: "mallory@elsewhere.test", email_verified: true, name: "Mallory" },
    },
  });
  const log = openSync(logFile, "a");
  server = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...e2eContext().env,
      NEXTAUTH_URL: appUrl,
      APP_URL: appUrl,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_ALLOWED_DOMAINS: "actenzo.test",
      OIDC_DISPLAY_NAME: "Actenzo",
      PASSWORD_SIGN_IN: "off",
    },
    detached: true,
    stdio: ["ignore", log, log],
  });
  await waitForHealthy();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  await idp?.stop();
});

describe("company sign-in in a browser", () => {
  it("with passwords off the login page offers only the company; a first sign-in waits for approval, then gets in", async () => {
    const context = await browser.newContext({ baseURL: appUrl, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto("/login");
    expect(await page.getByLabel("Password").count()).toBe(0);
    expect(await page.getByLabel("Email").count()).toBe(0);
    const button = page.getByRole("button", { name: "Sign in with Actenzo" });
    await button.waitFor();
    await page.screenshot({ path: "/tmp/e2e-company-login-1440.png" });

    await button.click();
    await page.getByLabel("Account").fill("ann");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("error") !== null);
    await expect.poll(() => page.getByTestId("login-error").textContent()).toMatch(/waiting for an admin's approval/);
    await page.screenshot({ path: "/tmp/e2e-company-pending-1440.png" });

    // An admin approves on the password console (same database), in a dialog that names the role.
    const adminContext = await browser.newContext({ baseURL: e2eContext().baseUrl });
    const admin = await adminContext.newPage();
    await login(admin, "admin");
    await admin.goto("/admin/staff");
    const row = admin.locator('tr[data-staff-email="ann.devries@actenzo.test"]');
    await expect.poll(() => row.getByText("Awaiting approval").count()).toBe(1);
    await row.getByRole("button", { name: "Approve" }).click();
    await expect
      .poll(() => admin.getByTestId("approve-consequence").textContent())
      .toContain("as an integration specialist");
    await admin.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => admin.getByTestId("staff-feedback").textContent()).toContain("Account approved");
    await adminContext.close();

    // Signed in at the provider already: one click and Ann is in.
    await page.getByRole("button", { name: "Sign in with Actenzo" }).click();
    await page.waitForURL((url) => url.pathname === "/queue");
    await expect.poll(() => page.getByTestId("current-user").innerText()).toContain("Ann de Vries");
    await context.close();
  });

  it("an address outside the allowed domains is refused with a message naming them (390 px)", async () => {
    const context = await browser.newContext({ baseURL: appUrl, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in with Actenzo" }).click();
    await page.getByLabel("Account").fill("mallory");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("error") !== null);
    await expect
      .poll(() => page.getByTestId("login-error").textContent())
      .toBe("Sign-in with Actenzo is only for addresses at actenzo.test. Use your work account.");
    await page.screenshot({ path: "/tmp/e2e-company-domain-390.png" });
    await context.close();
  });

  it("the credentials endpoint refuses a right password", async () => {
    const csrf = await fetch(`${appUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, email: "admin@e2e.test", password: "e2e-admin-password", json: "true" }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealthy(timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${readFileSync(logFile, "utf8").slice(-3000)}`);
    if ((await fetch(`${appUrl}/api/health`).catch(() => null))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The company sign-in server did not become healthy:\n${readFileSync(logFile, "utf8").slice(-3000)}`);
}
