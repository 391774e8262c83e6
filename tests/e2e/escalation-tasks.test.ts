import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { eq } from "drizzle-orm";
import { closeDb, db } from "@/db/client";
import { merchants, staffUsers } from "@/db/schema";
import { closeQueues } from "@/lib/jobs/queues";
import { recordEscalations } from "@/lib/reminders/record-escalations";
import { createMerchant } from "@/tests/factories/merchant";
import { E2E_USERS, launchBrowser, login, newContext } from "./helpers";

/**
 * Escalation tasks in a real browser: a specialist whose merchant's reminders ran out sees the
 * count in the navigation, opens the task, and marks it done with what the call came to.
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

describe("escalation tasks", () => {
  it("a specialist sees the open-task count, opens the task and marks it done", async () => {
    const [specialist] = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.email, E2E_USERS.specialist.email));
    const merchant = await createMerchant({ language: "en", country: "NL" }, { specialistId: specialist!.id });
    const stepEnteredAt = new Date(Date.now() - 30 * 86_400_000);
    await db.update(merchants).set({ stageEnteredAt: stepEnteredAt }).where(eq(merchants.id, merchant.id));
    // What the reminder tick does when the third reminder went unanswered (the tick itself would
    // plan reminders for every other test's merchants too).
    await recordEscalations(
      [{ merchantId: merchant.id, stage: "user_created", stepEnteredAt, sent: 3, to: "specialist", level: 1 }],
      new Date(),
    );

    const page = await (await newContext(browser)).newPage();
    await login(page, "specialist");
    await page.goto("/queue");
    const badge = page.getByTestId("nav-count-tasks");
    const before = Number(await badge.innerText());
    expect(before).toBeGreaterThanOrEqual(1);

    await page.getByRole("link", { name: /^Tasks/ }).click();
    await page.waitForURL("**/tasks");
    const task = page.locator(`[data-testid="task"][data-merchant-id="${merchant.id}"]`);
    expect(await task.innerText()).toContain("Reminders about “Back-office user created” ran out");
    await task.getByRole("link").click();
    await page.waitForURL(`**/merchants/${merchant.id}`);

    const banner = page.getByTestId("task-banner");
    expect(await banner.innerText()).toContain("Reminders ran out: call the merchant");
    await banner.getByRole("button", { name: "Done" }).click();
    await page.getByLabel("Outcome").fill("Spoke to the owner; they create the user today.");
    await page.getByRole("button", { name: "Mark done" }).click();
    await banner.waitFor({ state: "detached" });
    await expect.poll(async () => ((await badge.count()) ? Number(await badge.innerText()) : 0)).toBe(before - 1);
    await expect.poll(() => page.getByText("marked the specialist's task done").count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: "/tmp/escalation-task-done.png", fullPage: true });
  }, 150_000);
});
