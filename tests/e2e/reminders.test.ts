import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { eq } from "drizzle-orm";
import { closeDb, db } from "@/db/client";
import { merchants } from "@/db/schema";
import { closeQueues } from "@/lib/jobs/queues";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { makeKey } from "@/tests/lightspeed-simulator";
import { e2eContext, launchBrowser, login, newContext, waitForMail } from "./helpers";
import { createPageLink } from "@/lib/reminders/page/page-link";
import { PAGE_VIEW_LIMITS } from "@/lib/reminders/page/get-merchant-page";

/**
 * Reminders in a real browser: the specialist's reminder card and preview, the merchant's own page
 * opened from a reminder email (progress, the key step completed there), and the admin's view of
 * the sent mail. The email is sent by the mailer verb from this process (no worker runs here).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeQueues();
  await closeDb();
});

async function upsertSimKey(key: ReturnType<typeof makeKey>) {
  const response = await fetch(`${e2eContext().env.LIGHTSPEED_EU1_URL}/__sim/keys`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(key),
  });
  if (!response.ok) throw new Error(`simulator refused the key: ${response.status}`);
}

describe("reminders", () => {
  it("a specialist sees the next planned reminder and its preview on the workspace", async () => {
    const merchant = await createMerchant({ language: "nl", country: "NL", cluster: "eu1" });
    await db
      .update(merchants)
      .set({ stageEnteredAt: new Date(Date.now() - 10 * 86_400_000) })
      .where(eq(merchants.id, merchant.id));
    const page = await (await newContext(browser)).newPage();
    await login(page, "specialist");
    await page.goto(`/merchants/${merchant.id}`);
    const card = page.locator('[data-slot="reminder-panel"]');
    await expect.poll(() => card.innerText()).toContain("Reminder 1 of 3 goes");
    await card.getByText("Preview of the next email (NL)").click();
    expect(await card.innerText()).toContain("Maak een back-office-gebruiker voor ons aan");
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: "/tmp/reminders-workspace.png", fullPage: true });
  });

  it("the merchant opens its page from the email, sees its progress and completes the key step there; the admin sees the mail", async () => {
    const staff = await createStaff();
    const merchant = await createMerchant(
      { language: "en", country: "NL", cluster: "eu1" },
      { completed: ["user_created", "user_approved", "password_reset"] },
    );
    // The server's env says production, but vitest compiles JSX for development: render the email
    // here with React's development build (loaded only now), as the worker would with its own.
    Object.assign(process.env, { NODE_ENV: "test" });
    const { askMerchantToAct } = await import("@/lib/reminders/ask-merchant-to-act");
    const { deliverOutboxEmail } = await import("@/lib/reminders/outbox/deliver-outbox-email");
    const { outboxId } = await askMerchantToAct(staff.actor, { merchantId: merchant.id, reason: "Send the API key" });
    expect(await deliverOutboxEmail(outboxId)).toBe("sent");
    const mail = await waitForMail((m) => m.to.includes(merchant.contactEmail));
    expect(mail.text).toContain("Send us the API key");
    const url = /https?:\/\/\S+\/m\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(url).toBeDefined();

    const page = await (await newContext(browser)).newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(url!);
    const body = page.getByTestId("merchant-page");
    await body.waitFor();
    const text = await body.innerText();
    expect(text).toContain("Waiting for you");
    expect(text).toContain("Send us the API secret");
    expect(text).toContain("Back-office user created");
    await page.screenshot({ path: "/tmp/reminders-merchant-page.png", fullPage: true });
    // At 390 px nothing runs into the card's padding (the snooze row once pushed every box to the edge).
    const overflowing = await body.evaluate((card) => {
      const edge = card.getBoundingClientRect().right - 16;
      // Inside the card's header and content, which pad themselves.
      return [...card.querySelectorAll(":scope > * *")]
        .filter((el) => el.getBoundingClientRect().right > edge)
        .map((el) => `${el.tagName}.${el.className}`);
    });
    expect(overflowing).toEqual([]);

    const key = makeKey(`e2e-reminder-${Date.now()}`);
    await upsertSimKey(key);
    await page.getByLabel("API key", { exact: true }).fill(key.key);
    await page.getByLabel("API secret", { exact: true }).fill(key.secret);
    await page.getByRole("button", { name: "Check and connect" }).click();
    const result = page.getByTestId("connect-result");
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute("data-outcome")).toBe("connected");
    await page.reload();
    expect(await page.getByRole("region", { name: "Done" }).innerText()).toContain("Key verified");

    const admin = await (await newContext(browser)).newPage();
    await login(admin, "admin");
    await admin.goto("/admin/mail");
    const captured = admin.getByTestId("captured-mail").filter({ hasText: merchant.contactEmail });
    await captured.first().waitFor();
    expect(await captured.first().innerText()).toContain("a few steps left to connect your shop");
  });

  it("speaks the shop's language in the tab title, the browser's on a link that cannot be used, and counts each view once", async () => {
    const merchant = await createMerchant({ language: "nl", country: "NL", cluster: "eu1" });
    const token = await createPageLink(db, merchant.id);
    const view = (path: string, language = "en-GB,en;q=0.9") =>
      fetch(`${e2eContext().baseUrl}${path}`, { headers: { "accept-language": language } });
    const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

    const first = await (await view(`/m/${token}`, "de-DE")).text();
    expect(title(first)).toBe("Je koppeling met Actenzo");
    expect(first).toContain("Wacht op jou");

    const unknown = await (await view(`/m/${"x".repeat(43)}`, "de-CH,de;q=0.9,en;q=0.5")).text();
    expect(title(unknown)).toBe("Ihre Anbindung an Actenzo");
    expect(unknown).toContain("Dieser Link ist nicht gültig");
    expect(title(await (await view(`/m/${"y".repeat(43)}`, "es-ES")).text())).toBe("Your Actenzo onboarding");

    // The tab title and the page share one load: the link's budget of views is spent one per view.
    for (let n = 2; n <= PAGE_VIEW_LIMITS.perToken; n++) {
      expect(await (await view(`/m/${token}`, "nl")).text()).toContain("Wacht op jou");
    }
    expect(await (await view(`/m/${token}`, "fr")).text()).toContain("Trop de requêtes");
  }, 60_000);
});
