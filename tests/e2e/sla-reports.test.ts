import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createMerchantWithHistory } from "@/tests/factories/sla-history";
import { E2E_BASE_URL, launchBrowser, login } from "./helpers";

/**
 * A lead reads the SLA report: changes the period and the segment through the controls (the URL
 * follows), downloads a table's CSV and finds the rows on screen; a specialist gets the 403 page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // Mon 2 Nov 2026 (Amsterdam): one merchant on time, one whose password reset took 9.5 business hours.
  const steps = (reset: string): [Parameters<typeof createMerchantWithHistory>[0]["steps"][number][0], string][] => [
    ["user_created", "2026-11-02T09:00:00Z"],
    ["user_approved", "2026-11-02T10:00:00Z"],
    ["password_reset", reset],
  ];
  await createMerchantWithHistory({ signedUpAt: "2026-11-02T08:00:00Z", steps: steps("2026-11-02T11:00:00Z") });
  await createMerchantWithHistory({ signedUpAt: "2026-11-02T08:00:00Z", steps: steps("2026-11-03T11:00:00Z") });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe("/reports", () => {
  it("a lead changes period and segment, and downloads a CSV matching the table", async () => {
    const context = await browser.newContext({
      baseURL: E2E_BASE_URL,
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await login(page, "lead");
    await page.goto("/reports");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("SLA reports");

    await page.getByLabel("Period", { exact: true }).selectOption("custom");
    await page.waitForURL(/period=custom/);
    await page.getByLabel("From", { exact: true }).fill("02-11-2026");
    await page.getByLabel("From", { exact: true }).blur();
    await page.waitForURL(/from=2026-11-02/);
    await page.getByLabel("To", { exact: true }).fill("8/11/2026");
    await page.getByLabel("To", { exact: true }).blur();
    await page.waitForURL(/to=2026-11-08/);
    await page.getByLabel("Country", { exact: true }).selectOption("NL");
    await page.waitForURL(/country=NL/);
    expect(new URL(page.url()).searchParams.get("period")).toBe("custom");

    const table = page.getByRole("table", { name: "Achieved vs breached" });
    await expect.poll(() => table.innerText()).toContain("Password reset");
    const cells = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(cells[0]).toEqual(["Password reset", "v1", "1", "1", "0", "50 %"]);
    await page.screenshot({ path: "/tmp/sla-reports-1440.png", fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download Achieved vs breached as CSV" }).click(),
    ]);
    const csv = await readFile((await download.path())!, "utf8");
    const lines = csv
      .trim()
      .split("\r\n")
      .map((line) => line.slice(1, -1).split('","'));
    expect(lines[0]).toEqual(["Step", "Policy version", "Achieved", "Breached", "Of which still open", "On time"]);
    expect(lines.slice(1)).toEqual(cells);
    await context.close();
  });

  it("a specialist gets the 403 page", async () => {
    const context = await browser.newContext({ baseURL: E2E_BASE_URL });
    const page = await context.newPage();
    await login(page, "specialist");
    await page.goto("/reports");
    expect(new URL(page.url()).pathname).toBe("/forbidden");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("403");
    const csv = await page.request.get("/reports/csv?table=times");
    expect(csv.status()).toBe(403);
    await context.close();
  });
});
