import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { closeDb, db } from "@/db/client";
import { refreshMerchantClocks } from "@/lib/sla/refresh-merchant-clocks";
import { createMerchant } from "@/tests/factories/merchant";
import { rewriteHistory } from "@/tests/helpers/rewrite-history";
import { E2E_BASE_URL, launchBrowser, login } from "./helpers";

/** A lead edits the agency calendar and the SLA policy; the queue shows the SLA column; a specialist is refused. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeDb();
});

async function pageAs(role: "lead" | "specialist") {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await login(page, role);
  return page;
}

describe("SLA settings and the queue's SLA column at 1440 px", () => {
  it("a lead adds a closure day and publishes a policy version", { timeout: 120_000 }, async () => {
    const page = await pageAs("lead");
    await page.goto("/admin/sla");
    await expect.poll(() => page.getByRole("heading", { name: "SLA settings" }).isVisible()).toBe(true);

    const closed = page.getByLabel("Company closure days (YYYY-MM-DD, one per line)");
    await closed.fill("2026-12-24\n2026-12-31");
    await page.getByRole("button", { name: "Save calendar" }).click();
    await expect.poll(() => page.getByText("Agency calendar saved").isVisible(), { timeout: 15_000 }).toBe(true);

    await page.getByLabel("Password reset", { exact: true }).fill("3");
    await page.getByRole("button", { name: "Publish new version" }).click();
    await expect.poll(() => page.getByText("New policy version published").isVisible(), { timeout: 15_000 }).toBe(true);
    await page.reload();
    expect(await page.getByLabel("Company closure days (YYYY-MM-DD, one per line)").inputValue()).toBe(
      "2026-12-24\n2026-12-31",
    );
    const versions = page.getByTestId("policy-versions");
    await expect.poll(() => versions.getByText("Password reset 3 h").first().isVisible()).toBe(true);
    await page.screenshot({ path: "/tmp/sla-settings-1440.png", fullPage: true });
    await page.context().close();
  });

  it(
    "the queue shows the SLA column and filters breached merchants through the URL",
    { timeout: 120_000 },
    async () => {
      const tag = `e2esla${randomBytes(3).toString("hex")}`;
      const m = await createMerchant({ company: `Breached ${tag}` }, { completed: ["user_created", "user_approved"] });
      // Really breached, from facts: its history moved ten days back and its due time recomputed (a
      // due time written by hand would be put right by the next sla-sweep tick, every minute).
      await rewriteHistory(
        (tx) => tx`update merchant_events set created_at = created_at - interval '10 days' where merchant_id = ${m.id}`,
      );
      await db.transaction((tx) => refreshMerchantClocks(tx, m.id));
      await createMerchant({ company: `Fresh ${tag}` }, { completed: ["user_created", "user_approved"] });

      const page = await pageAs("lead");
      await page.goto(`/queue?q=${tag}`);
      await expect.poll(() => page.getByRole("columnheader", { name: "SLA" }).isVisible()).toBe(true);
      const breachedRow = page.getByRole("row", { name: new RegExp(`Breached ${tag}`) });
      await expect.poll(() => breachedRow.getByText(/^Breached\s*·/).isVisible()).toBe(true);
      await expect
        .poll(() =>
          page
            .getByRole("row", { name: new RegExp(`Fresh ${tag}`) })
            .getByText("On track")
            .isVisible(),
        )
        .toBe(true);

      await page.goto(`/queue?q=${tag}&sla=breached`);
      await expect.poll(() => new URL(page.url()).searchParams.get("sla")).toBe("breached");
      await expect.poll(() => page.getByRole("row", { name: new RegExp(`Fresh ${tag}`) }).count()).toBe(0);
      expect(await breachedRow.count()).toBe(1);
      await page.screenshot({ path: "/tmp/queue-sla-1440.png" });
      await page.context().close();
    },
  );

  it("a specialist's queue defaults to time to breach, and /admin/sla is refused", { timeout: 120_000 }, async () => {
    const page = await pageAs("specialist");
    await page.goto("/queue");
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("timeToBreach");
    await page.goto("/admin/sla");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/forbidden");
    await page.context().close();
  });
});
