import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { resetEnvCache } from "@/lib/env";
import { keyFingerprint } from "@/lib/credentials";
import { pollMailbox } from "@/lib/intake/poll-mailbox";
import { createMerchant } from "@/tests/factories/merchant";
import { startDovecot, type Dovecot } from "@/tests/helpers/dovecot";
import { deliver } from "@/tests/helpers/dovecot-mail";
import { launchBrowser, login, newContext } from "./helpers";

let browser: Browser;
let dovecot: Dovecot;
beforeAll(async () => {
  browser = await launchBrowser();
  dovecot = await startDovecot();
  // The intake tick runs in this process against the app's database (as a worker would).
  process.env.INTAKE_IMAP_URL = dovecot.url;
  resetEnvCache();
});
afterAll(async () => {
  await browser?.close();
  await dovecot?.stop();
});

describe("mailbox triage", () => {
  it("a specialist assigns an unknown sender's mail to a merchant and sees the key recorded", async () => {
    const merchant = await createMerchant({ language: "de" });
    const key = randomBytes(16).toString("hex");
    const subject = `Zugangsdaten ${randomBytes(3).toString("hex")}`;
    await deliver(dovecot, [
      { from: "Jonas <jonas.privat@webmail.test>", subject, text: `Hallo,\n\nunser API-Schlüssel: ${key}\n\nGruß` },
    ]);
    await pollMailbox();

    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, "specialist");
    await page.goto("/intake");
    // The navigation counts what waits in triage.
    expect(Number(await page.getByTestId("nav-count-intake").textContent())).toBeGreaterThanOrEqual(1);
    const card = page.getByTestId("triage-message").filter({ hasText: subject });
    await card.waitFor();
    expect(await card.textContent()).toContain("jonas.privat@webmail.test");
    expect(await card.textContent()).toContain("[hidden: 32 letters or digits]");
    expect(await page.content()).not.toContain(key);
    await page.screenshot({ path: "/tmp/intake-triage-1440.png", fullPage: true });

    await card.getByLabel("Merchant (shop domain or contact email)").fill(merchant.shopDomain);
    await card.getByRole("button", { name: "Assign" }).click();
    // Assigned: the message leaves the triage list.
    await card.waitFor({ state: "detached" });

    await page.goto(`/merchants/${merchant.id}`);
    await page
      .getByText(`API key (${keyFingerprint(key)}) received by email from jonas.privat@webmail.test`)
      .first()
      .waitFor();
    await page.screenshot({ path: "/tmp/intake-merchant-1440.png", fullPage: true });
    await context.close();
  });
});
