import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Browser } from "playwright-core";
import type { Role } from "@/lib/auth/roles";
import { createStaff } from "@/tests/factories/staff";
import {
  E2E_BASE_URL,
  E2E_USERS,
  forgiveAddressFailures,
  launchBrowser,
  login,
  newContext,
  waitForMail,
} from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing in", () => {
  it("a specialist signs in and lands on the queue inside the console", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/");
    // Anonymous: the proxy sends them to the login page.
    expect(new URL(page.url()).pathname).toBe("/login");
    await login(page, "specialist");
    expect(new URL(page.url()).pathname).toBe("/queue");
    await expect.poll(() => page.getByTestId("current-user").innerText()).toContain(E2E_USERS.specialist.name);
    expect(await page.getByRole("link", { name: "Staff" }).count()).toBe(0);
    await context.close();
  });

  it("a wrong password shows an error and stays on the login page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(E2E_USERS.lead.email);
    await page.getByLabel("Password").fill("definitely-not-it");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByTestId("login-error").textContent()).toBe("Invalid email or password.");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("repeated wrong passwords are throttled with a clear message", async () => {
    // Data straight into the e2e database through the factory. Every browser shares the
    // loopback address (X-Forwarded-For is ignored with TRUSTED_PROXY_HOPS=0), so the address's
    // failures are forgiven before and after, to keep other tests' sign-ins unthrottled.
    const { user, password } = await createStaff({ role: "specialist" });
    await forgiveAddressFailures();
    onTestFinished(forgiveAddressFailures);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    const attempt = async (pw: string) => {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(pw);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    };
    for (let i = 1; i <= 5; i++) {
      await attempt(`wrong-${i}`);
      await expect.poll(() => page.getByTestId("login-error").textContent()).toBe("Invalid email or password.");
    }
    await attempt(password);
    await expect
      .poll(() => page.getByTestId("login-error").textContent())
      .toBe("Too many failed sign-ins. Try again in 15 minutes.");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("after signing in, returns to the page that asked for it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/admin/staff");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/admin/staff");
    await page.getByLabel("Email").fill(E2E_USERS.admin.email);
    await page.getByLabel("Password").fill(E2E_USERS.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${E2E_BASE_URL}/admin/staff`);
    await context.close();
  });
});

describe("/admin/staff as each role", () => {
  const expectations: Record<Role | "anonymous", "staff list" | "403" | "login"> = {
    anonymous: "login",
    specialist: "403",
    lead: "403",
    admin: "staff list",
  };

  for (const [role, expected] of Object.entries(expectations) as [Role | "anonymous", string][]) {
    it(`${role} gets the ${expected}`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      if (role !== "anonymous") await login(page, role);
      await page.goto("/admin/staff");
      const url = new URL(page.url());
      if (expected === "login") {
        expect(url.pathname).toBe("/login");
      } else if (expected === "403") {
        expect(url.pathname).toBe("/forbidden");
        expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("403");
        expect(await page.getByRole("table", { name: "Staff" }).count()).toBe(0);
      } else {
        expect(url.pathname).toBe("/admin/staff");
        const table = page.getByRole("table", { name: "Staff" });
        for (const user of Object.values(E2E_USERS)) expect(await table.innerText()).toContain(user.email);
      }
      await context.close();
    });
  }
});

describe("inviting a colleague", () => {
  it("an admin invites, the invitee sets a password from the email and signs in", async () => {
    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await login(admin, "admin");
    await admin.goto("/admin/staff");
    await admin.getByLabel("Name").fill("Ivo Invitee");
    await admin.getByLabel("Email").fill("ivo@e2e.test");
    await admin.getByLabel("Role", { exact: true }).selectOption("lead");
    await admin.getByRole("button", { name: "Send invite" }).click();
    await expect.poll(() => admin.getByTestId("invite-result").textContent()).toBe("Invite sent.");
    await expect.poll(() => admin.locator('tr[data-staff-email="ivo@e2e.test"]').innerText()).toContain("Invited");

    const mail = await waitForMail((m) => m.to.includes("ivo@e2e.test"));
    const link = mail.text.match(/http:\/\/localhost:3100\/invite\/\S+/)?.[0];
    expect(link).toBeTruthy();

    const inviteeContext = await newContext(browser);
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link!);
    await invitee.getByLabel("New password").fill("ivo's long passphrase");
    await invitee.getByLabel("Repeat the password").fill("ivo's long passphrase");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await invitee.waitForURL((url) => url.pathname === "/login");
    await login(invitee, { email: "ivo@e2e.test", password: "ivo's long passphrase" });
    await expect.poll(() => invitee.getByTestId("current-user").innerText()).toContain("Team lead");

    // A deactivated colleague is signed out on their next request.
    await admin.reload();
    await admin.locator('tr[data-staff-email="ivo@e2e.test"]').getByRole("button", { name: "Deactivate" }).click();
    const confirm = admin.getByRole("dialog");
    await expect.poll(() => confirm.getByTestId("deactivate-consequence").innerText()).toContain("no open merchants");
    await confirm.getByRole("button", { name: "Deactivate" }).click();
    await expect.poll(() => admin.locator('tr[data-staff-email="ivo@e2e.test"]').innerText()).toContain("Deactivated");
    await invitee.goto("/queue");
    expect(new URL(invitee.url()).pathname).toBe("/login");

    await adminContext.close();
    await inviteeContext.close();
  });
});
