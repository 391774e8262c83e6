import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { keyFingerprint } from "@/lib/credentials/credential-input";
import { formatDateTime, fromIsoDay, parseLocalDateTime, toLocalDateTimeValue } from "@/lib/time";
import { createMerchant } from "@/tests/factories/merchant";
import { E2E_BASE_URL, E2E_USERS, launchBrowser, login } from "./helpers";
import { randomBytes } from "node:crypto";

/**
 * Times and dates typed in the workspace are read in the staff member's zone (the seeded
 * specialist has none, so the agency's Europe/Amsterdam), never the browser's: the browser here
 * runs on New York time on purpose. At desktop and phone widths.
 */
const AMS = "Europe/Amsterdam";
const WIDTHS = [1440, 390] as const;
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

async function openWorkspace(width: number, company: string): Promise<{ page: Page; merchantId: string }> {
  const merchant = await createMerchant(
    { company },
    { specialistId: await specialistId(), completed: ["user_created", "user_approved", "password_reset"] },
  );
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    viewport: { width, height: 900 },
    timezoneId: "America/New_York",
    locale: "en-US",
  });
  const page = await context.newPage();
  await login(page, "specialist");
  await page.goto(`/merchants/${merchant.id}`);
  return { page, merchantId: merchant.id };
}

const occurrences = async (page: Page, text: string) => (await page.locator("body").innerText()).split(text).length - 1;

describe.each(WIDTHS)("at %i px", (width) => {
  it("records the key after a refused paste, then the secret, without reloading; both save", async () => {
    const { page } = await openWorkspace(width, `Tz Key ${width} ${Date.now().toString(36)}`);
    const keyForm = page.getByTestId("credentials-key-form");
    const secretForm = page.getByTestId("credentials-secret-form");

    // A typed "received at" (yesterday 10:00 in Amsterdam, day first as the field asks) and a key
    // that is too short.
    const yesterday = toLocalDateTimeValue(new Date(Date.now() - 86_400_000), AMS).slice(0, 10);
    const typed = `${fromIsoDay(yesterday)} 10:00`;
    expect(await keyForm.getByLabel("Received at").getAttribute("placeholder")).toBe("dd-mm-yyyy hh:mm");
    await keyForm.getByLabel("Received at").fill(typed);
    await keyForm.getByLabel("API key").fill("abc123");
    await keyForm.getByRole("button", { name: "Save key" }).click();
    const tooShort = "The API key must be exactly 32 letters or digits; this one has 6.";
    await keyForm.getByText(tooShort).waitFor();
    expect(await occurrences(page, tooShort)).toBe(1);
    // What was typed is still there to be corrected.
    expect(await keyForm.getByLabel("API key").inputValue()).toBe("abc123");
    expect(await keyForm.getByLabel("Received at").inputValue()).toBe(typed);

    const key = randomBytes(16).toString("hex");
    await keyForm.getByLabel("API key").fill(key);
    await keyForm.getByRole("button", { name: "Save key" }).click();
    await keyForm.getByRole("status").filter({ hasText: "API key recorded" }).waitFor();

    // Step 5 names the key and the time as typed, in Amsterdam time, without a reload.
    const received = formatDateTime(parseLocalDateTime(`${yesterday}T10:00`, AMS)!, AMS);
    const step = page.locator('li[data-stage="key_received"]');
    await expect.poll(() => step.innerText(), { timeout: 15_000 }).toContain(keyFingerprint(key));
    expect(await step.innerText()).toContain(received);

    // The secret with the default "now" (left empty) saves right after the key.
    await secretForm.getByLabel("API secret").fill(randomBytes(16).toString("hex"));
    await secretForm.getByRole("button", { name: "Save secret" }).click();
    await secretForm.getByRole("status").filter({ hasText: "Both halves are in" }).waitFor();
    expect(await occurrences(page, "cannot be in the future")).toBe(0);
    await context(page).close();
  });

  it("a hold until a date shows that date, and the dialog keeps what was typed after an error", async () => {
    const { page } = await openWorkspace(width, `Tz Hold ${width} ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Put on hold" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason").fill("Harvest holidays");
    await dialog.getByLabel("Until (optional)").fill("10-01-2020");
    await dialog.getByRole("button", { name: "Put on hold" }).click();
    await dialog.getByText("Pick a date in the future").waitFor();
    expect(await dialog.getByLabel("Reason").inputValue()).toBe("Harvest holidays");

    const year = new Date().getUTCFullYear() + 1;
    await dialog.getByLabel("Until (optional)").fill(`05-12-${year}`);
    expect(await dialog.getByTestId("hold-until-hint").innerText()).toBe(
      `On hold through 5 Dec ${year}, end of day CET.`,
    );
    await dialog.getByRole("button", { name: "Put on hold" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.locator("main").innerText(), { timeout: 15_000 })
      .toContain(`On hold until 5 Dec ${year}, end of day CET`);
    expect(await occurrences(page, `6 Dec ${year}`)).toBe(0);
    await context(page).close();
  });
});

function context(page: Page) {
  return page.context();
}

describe("the profile's time zone", () => {
  it("a lead picks New York on /profile (from the header) and the workspace shows New York time", async () => {
    const merchant = await createMerchant({ company: `Tz Profile ${Date.now().toString(36)}` });
    const context = await browser.newContext({
      baseURL: E2E_BASE_URL,
      viewport: { width: 1440, height: 900 },
      timezoneId: "Asia/Tokyo",
    });
    const page = await context.newPage();
    await login(page, "lead");
    await page.getByTestId("current-user").click();
    await page.waitForURL("**/profile");
    await page.getByLabel("Your time zone").selectOption("America/New_York");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.getByRole("status").filter({ hasText: "Time zone saved." }).waitFor();
    await expect.poll(() => page.getByTestId("profile-now").innerText()).toMatch(/ E[SD]T$/);

    await page.goto(`/merchants/${merchant.id}`);
    const timeline = page.getByRole("list", { name: "Timeline" });
    const title = await timeline.locator("time").first().getAttribute("title");
    expect(title).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} E[SD]T$/);
    await context.close();
  });
});
