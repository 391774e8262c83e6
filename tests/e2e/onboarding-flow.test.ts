import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { createMerchant } from "@/tests/factories/merchant";
import { E2E_USERS, launchBrowser, login, newContext } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function specialistId() {
  const [row] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.email, E2E_USERS.specialist.email));
  if (!row) throw new Error("the e2e specialist was not seeded");
  return row.id;
}

describe("a specialist works a merchant from the queue", () => {
  it("filters the queue through the URL, opens a merchant, completes a step and sees it on the timeline", async () => {
    const mine = await specialistId();
    // Two merchants of this specialist, one word in common, on different steps.
    const word = `Flowtest${Date.now().toString(36)}`;
    const waiting = await createMerchant({ company: `${word} Wijnhuis B.V.` }, { specialistId: mine });
    const further = await createMerchant(
      { company: `${word} Weinkontor GmbH` },
      { specialistId: mine, completed: ["user_created"] },
    );

    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, "specialist");

    // The URL is the table state: search + current-step filter, no clicks needed.
    await page.goto(`/queue?q=${encodeURIComponent(word)}&stage=user_created`);
    const companyLink = page.getByRole("link", { name: waiting.company });
    await companyLink.waitFor();
    expect(await page.getByRole("link", { name: further.company }).count()).toBe(0);

    // Dropping the step filter shows both of this specialist's merchants.
    await page.goto(`/queue?q=${encodeURIComponent(word)}`);
    await page.getByRole("link", { name: further.company }).waitFor();
    expect(await page.getByRole("link", { name: waiting.company }).count()).toBe(1);

    await page.goto(`/queue?q=${encodeURIComponent(word)}&stage=user_created`);
    await page.getByRole("link", { name: waiting.company }).click();
    await page.waitForURL(`**/merchants/${waiting.id}`);

    const step = page.locator('li[data-stage="user_created"]');
    expect(await step.getAttribute("data-done")).toBe("false");
    expect(await step.getAttribute("aria-current")).toBe("step");
    await step.getByRole("button", { name: "Mark done" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Note (optional)").fill("Merchant confirmed by phone that the user exists");
    await dialog.getByRole("button", { name: "Mark done" }).click();

    await expect.poll(() => step.getAttribute("data-done"), { timeout: 15_000 }).toBe("true");
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect
      .poll(() => timeline.innerText(), { timeout: 15_000 })
      .toContain("Marked “Back-office user created” done");
    expect(await timeline.innerText()).toContain("Merchant confirmed by phone that the user exists");
    expect(await timeline.innerText()).toContain(E2E_USERS.specialist.name);
    // The next step is now the current one.
    expect(await page.locator('li[data-stage="user_approved"]').getAttribute("aria-current")).toBe("step");
    await context.close();
  });
});
