import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2eContext, launchBrowser, login, newContext } from "./helpers";
import { and, eq } from "drizzle-orm";
import { closeDb, db } from "@/db/client";
import { connectLinks, merchantSteps } from "@/db/schema";
import { createConnectLink } from "@/lib/connect-links/create-connect-link";
import { revokeConnectLink } from "@/lib/connect-links/revoke-connect-link";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { grantsWithout, makeKey, type SimKey } from "@/tests/lightspeed-simulator";

/**
 * The merchant's secure link, in a real browser against `next start` and the Lightspeed simulator
 * started by tests/e2e/services.ts. The merchant is not signed in: the page must work without a
 * staff session and show nothing about staff.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeDb();
});

/** Adds or replaces a key in the running simulator through its control API. */
async function upsertSimKey(key: SimKey) {
  const response = await fetch(`${e2eContext().env.LIGHTSPEED_EU1_URL}/__sim/keys`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(key),
  });
  if (!response.ok) throw new Error(`simulator refused the key: ${response.status} ${await response.text()}`);
}

async function arrangeLink() {
  const staff = await createStaff({ role: "specialist" });
  const merchant = await createMerchant({ cluster: "eu1", language: "nl", country: "NL" });
  const link = await createConnectLink(staff.actor, { merchantId: merchant.id });
  return { staff, merchant, link };
}

const result = (page: Page) => page.getByTestId("connect-result");

describe("the merchant's secure link", () => {
  it("names the two unticked checkboxes, then connects once they are ticked and spends the link", async () => {
    const { staff, merchant, link } = await arrangeLink();
    const key = makeKey(`e2e-connect-${Date.now()}`, { permissions: grantsWithout("orders:write", "tracking:read") });
    await upsertSimKey(key);

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(link.url);
    expect(new URL(page.url()).pathname).toBe(`/connect/${link.token}`);
    await page.getByRole("heading", { name: `Connect ${merchant.shopName} to Actenzo` }).waitFor();
    const guide = await page.getByRole("list", { name: "How to create the API key" }).innerText();
    expect(guide).toContain("Settings → Store Settings → Developers");
    expect(guide).toContain("tick all checkboxes");
    expect(guide).toContain("press Show to reveal the API secret");
    const html = await page.content();
    expect(html).not.toContain(staff.user.email);
    expect(html).not.toContain(staff.user.name);

    await page.getByLabel("API key", { exact: true }).fill(key.key);
    await page.getByLabel("API secret", { exact: true }).fill(key.secret);
    await page.getByRole("button", { name: "Check and connect" }).click();
    await page
      .locator('[data-testid="connect-result"][data-outcome="missing_permissions"]')
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole("list", { name: "Unticked checkboxes" }).getByRole("listitem").allInnerTexts()).toEqual(
      ["Orders → Write", "Tracking → Read"],
    );
    expect(await result(page).innerText()).toContain("still unticked: Orders → Write, Tracking → Read");

    // The merchant ticks both boxes in Lightspeed and presses "Check again" (the fields kept their values).
    await upsertSimKey({ ...key, permissions: grantsWithout() });
    await page.getByRole("button", { name: "Check again" }).click();
    await page.locator('[data-testid="connect-result"][data-outcome="connected"]').waitFor({ timeout: 30_000 });
    expect(await result(page).innerText()).toContain("your shop is connected");

    const [verified] = await db
      .select()
      .from(merchantSteps)
      .where(and(eq(merchantSteps.merchantId, merchant.id), eq(merchantSteps.stage, "key_verified")));
    expect(verified).toBeDefined();
    const [row] = await db.select().from(connectLinks).where(eq(connectLinks.id, link.id));
    expect(row?.spentAt).not.toBeNull();

    await page.reload();
    await page.locator('[data-testid="connect-unusable"][data-state="spent"]').waitFor();
    expect(await page.getByLabel("API key", { exact: true }).count()).toBe(0);
    await context.close();
  });

  it("a revoked or unknown link shows a clear state and no form", async () => {
    const { staff, link } = await arrangeLink();
    await revokeConnectLink(staff.actor, { linkId: link.id });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(link.url);
    await page.locator('[data-testid="connect-unusable"][data-state="revoked"]').waitFor();
    expect(await page.getByText("This link is no longer active").count()).toBe(1);
    await page.goto(`/connect/${"A".repeat(43)}`);
    await page.locator('[data-testid="connect-unusable"][data-state="unknown"]').waitFor();
    expect(await page.getByLabel("API key", { exact: true }).count()).toBe(0);
    await context.close();
  });
});

describe("the credentials panel on the workspace", () => {
  it("records both halves without showing the secret; a lead reveals it with a reason", async () => {
    const merchant = await createMerchant({ cluster: "eu1", language: "nl", country: "NL" });
    const key = makeKey(`e2e-panel-${Date.now()}`);
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, "specialist");
    await page.goto(`/merchants/${merchant.id}`);
    const panel = page.getByTestId("credentials-panel");
    await panel.waitFor();

    const keyForm = panel.getByTestId("credentials-key-form");
    await keyForm.getByLabel("API key", { exact: true }).fill(key.key);
    await keyForm.getByRole("button", { name: "Save key" }).click();
    await expect.poll(() => keyForm.getByRole("status").innerText()).toContain("Waiting for the secret");

    const secretForm = panel.getByTestId("credentials-secret-form");
    expect(await secretForm.getByLabel("API secret").getAttribute("type")).toBe("password");
    await secretForm.getByLabel("API secret").fill(key.secret);
    await secretForm.getByRole("button", { name: "Save secret" }).click();
    await expect.poll(() => secretForm.getByRole("status").innerText()).toContain("Both halves are in");
    await page.reload();
    await expect
      .poll(() => panel.getByTestId("credentials-pending").innerText())
      .toContain(`${key.key.slice(0, 4)}…${key.key.slice(-4)}`);
    expect(await page.content()).not.toContain(key.secret);
    // A specialist has no reveal.
    expect(await panel.getByRole("button", { name: "Reveal secret" }).count()).toBe(0);
    await context.close();

    const leadContext = await newContext(browser);
    const leadPage = await leadContext.newPage();
    await login(leadPage, "lead");
    await leadPage.goto(`/merchants/${merchant.id}`);
    await leadPage.getByTestId("credentials-panel").getByRole("button", { name: "Reveal secret" }).click();
    await leadPage.getByLabel("Reason").fill("Configuring the Vivino feed by hand");
    await leadPage.getByRole("button", { name: "Reveal", exact: true }).click();
    const shown = leadPage.getByTestId("revealed-secret");
    await shown.waitFor();
    expect(await shown.innerText()).not.toContain(key.secret);
    await leadPage.getByRole("button", { name: "Show secret" }).click();
    expect(await shown.innerText()).toBe(key.secret);
    await leadContext.close();
  });
});
