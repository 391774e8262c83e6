import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { closeDb, db } from "@/db/client";
import { auditLog, staffUsers } from "@/db/schema";
import { closeQueues, getQueue } from "@/lib/jobs/queues";
import { assignMerchants } from "@/lib/onboarding";
import { createJob } from "@/tests/factories/jobs";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff, toActor } from "@/tests/factories/staff";
import { E2E_USERS, launchBrowser, login, newContext } from "./helpers";

/**
 * Admin operations as people do them: an admin retries a failed job from its detail view; a lead
 * filters the audit trail to secret reveals and downloads the same rows as CSV; an admin
 * deactivates a specialist and hands their merchants to a colleague.
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

async function signedIn(role: "admin" | "lead", width = 1440) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await login(page, role);
  return page;
}

async function seeded(role: "admin" | "lead") {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, E2E_USERS[role].email));
  if (!row) throw new Error(`${role} was not seeded`);
  return row;
}

async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where} scrolls sideways (${scroll}px in ${client}px)`).toBeLessThanOrEqual(client);
}

/** RFC 4180 enough for the audit CSV: quoted cells, doubled quotes, commas and CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (quoted || c !== "\r") {
      cell += c;
    }
  }
  return rows;
}

describe("admin operations", () => {
  it("an admin opens a failed job's detail view and retries it", async () => {
    const merchant = await createMerchant({ shopName: `Wijnhuis De Bron ${randomUUID().slice(0, 4)}` });
    const job = await createJob(
      "failed",
      {
        queue: "health",
        name: "health-check",
        data: { merchantId: merchant.id, credentialId: randomUUID(), kind: "light", dueAt: new Date().toISOString() },
        logs: [`Running the light check of merchant ${merchant.id}.`, "Attempt 1 of 1 failed (TypeError)."],
      },
      { failedReason: "Lightspeed did not answer in time" },
    );

    const page = await signedIn("admin");
    await page.goto("/admin/jobs?queue=health&state=failed");
    expect(await page.getByTestId("queue-jobs").textContent()).toContain("Failed jobs of the health queue");
    await page.screenshot({ path: "/tmp/admin-jobs-list-1440.png", fullPage: true });
    const row = page.getByTestId("job-row").filter({ hasText: job.id! });
    await row.getByRole("link", { name: "health-check" }).click();
    await page.waitForURL(`**/admin/jobs/health/${job.id}`);

    expect(await page.getByTestId("job-state").textContent()).toBe("failed");
    expect(await page.getByTestId("job-failure").textContent()).toContain("Lightspeed did not answer in time");
    expect(await page.getByTestId("job-logs").textContent()).toContain("Attempt 1 of 1 failed (TypeError).");
    expect(await page.getByTestId("job-facts").textContent()).toContain("1 of 1");
    expect(await page.getByTestId("job-merchant").textContent()).toBe(merchant.shopName);
    await page.screenshot({ path: "/tmp/admin-jobs-detail-1440.png", fullPage: true });

    await page.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("status").filter({ hasText: "Job queued again." }).waitFor();
    await page.getByTestId("job-state").filter({ hasText: "waiting" }).waitFor();
    expect(await getQueue("health").getJobState(job.id!)).toBe("waiting");

    // The audit trail says it in words.
    await page.goto("/admin/audit?action=jobs.retried");
    expect(await page.getByRole("table", { name: "Audit trail" }).textContent()).toContain(
      `Ada Admin retried the failed health-check job of ${merchant.shopName} (health queue)`,
    );

    // At a phone's width the detail view and the list do not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/admin/jobs/health/${job.id}`);
    await expectNoSidewaysScroll(page, "the job detail view");
    await page.screenshot({ path: "/tmp/admin-jobs-detail-390.png", fullPage: true });
    await page.goto("/admin/jobs?queue=health&state=waiting");
    await expectNoSidewaysScroll(page, "the jobs list");
    await page.context().close();
  });

  it("a lead filters the audit trail to secret reveals and downloads the same rows as CSV", async () => {
    const lead = await seeded("lead");
    const specialist = await createStaff({ name: `Lucas ${randomUUID().slice(0, 4)}` });
    const merchant = await createMerchant({ shopName: `Kaasboerderij ${randomUUID().slice(0, 4)}` });
    for (const reason of ["merchant asked to re-send", "support ticket, key lost"]) {
      await db.insert(auditLog).values({
        actorId: lead.id,
        action: "credentials.reveal_secret",
        entityType: "merchant_credential",
        entityId: randomUUID(),
        details: { merchantId: merchant.id, keyFingerprint: "ab12…9f0e", reason },
      });
    }
    await assignMerchants(toActor(lead), { merchantIds: [merchant.id], specialistId: specialist.user.id });

    const page = await signedIn("lead");
    await page.goto("/admin/audit");
    await page.getByLabel("What").selectOption("credentials.reveal_secret");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((url) => url.searchParams.get("action") === "credentials.reveal_secret");

    const table = page.getByRole("table", { name: "Audit trail" });
    const shown = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(shown).toContain(`Lee Lead revealed the secret of ${merchant.shopName}: 'support ticket, key lost'`);
    expect(shown).toContain(`Lee Lead revealed the secret of ${merchant.shopName}: 'merchant asked to re-send'`);
    expect(shown.every((text) => text.includes(" revealed the secret of "))).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    const csv = parseCsv(readFileSync((await download.path())!, "utf8"));
    expect(csv[0]).toEqual(["When", "Who", "What"]);
    expect(csv.slice(1).map((r) => r[2])).toEqual(shown);
    const when = await table.locator("tbody tr td:nth-child(1)").allTextContents();
    expect(csv.slice(1).map((r) => r[0])).toEqual(when);
    await page.context().close();
  });

  it("an admin deactivates a specialist and hands their merchants to a colleague", async () => {
    const suffix = randomUUID().slice(0, 4);
    const leaving = await createStaff({ name: `Eva Leaving ${suffix}` });
    const receiver = await createStaff({ name: `Noor Receiver ${suffix}` });
    const open = [
      await createMerchant({ shopName: `Bakkerij Zoet ${suffix}` }, { specialistId: leaving.user.id }),
      await createMerchant({ shopName: `Fietsenmaker ${suffix}` }, { specialistId: leaving.user.id }),
    ];

    const page = await signedIn("admin");
    await page.goto("/admin/staff");
    const row = page.locator(`tr[data-staff-email="${leaving.user.email}"]`);
    await row.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Hand open merchants to").selectOption(receiver.user.id);
    expect(await dialog.getByTestId("deactivate-consequence").textContent()).toContain(receiver.user.name);
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await page.getByTestId("staff-feedback").waitFor();
    await row.getByText("Deactivated").waitFor();

    for (const merchant of open) {
      await page.goto(`/merchants/${merchant.id}`);
      expect(await page.locator("#assign-specialist").inputValue()).toBe(receiver.user.id);
      expect(await page.locator("#assign-specialist option:checked").textContent()).toBe(receiver.user.name);
    }
    await page.context().close();
  });
});
