import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as dsql, TransactionRollbackError } from "drizzle-orm";
import { db } from "@/db/client";
import { processSlaReportSummary } from "@/jobs/processors/sla";
import { assignMerchants, completeStep, undoStep } from "@/lib/onboarding";
import { loadSlaReport } from "@/lib/sla/reports/load-sla-report";
import { parseReportParams } from "@/lib/sla/reports/report-params";
import { updateAgencyCalendar } from "@/lib/sla/update-agency-calendar";
import { createMerchantWithHistory } from "@/tests/factories/sla-history";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";

/**
 * The report's per-day summary follows the clocks through the minute's `sla-report-summary` tick:
 * a reassignment moves a merchant's figures to the new specialist, an undone step leaves the day
 * it was completed on, and the report says as of when its period figures are.
 */
let first: CreatedStaff;
let second: CreatedStaff;
let lead: CreatedStaff;
let merchantId: string;
const report = (specialist: CreatedStaff) =>
  loadSlaReport(
    lead.actor,
    parseReportParams(
      new URLSearchParams(`period=custom&from=2026-10-05&to=2026-10-11&specialist=${specialist.user.id}`),
    ),
  );
const live = (r: Awaited<ReturnType<typeof report>>) => r.outcomes.find((o) => o.step === "live");

beforeAll(async () => {
  [first, second, lead] = await Promise.all([
    createStaff({ role: "specialist" }),
    createStaff({ role: "specialist" }),
    createStaff({ role: "lead" }),
  ]);
  const merchant = await createMerchantWithHistory({
    specialistId: first.user.id,
    signedUpAt: "2026-10-05T08:00:00Z",
    steps: [
      ["user_created", "2026-10-05T09:00:00Z"],
      ["user_approved", "2026-10-05T10:00:00Z"],
      ["password_reset", "2026-10-05T11:00:00Z"],
      ["key_received", "2026-10-06T09:00:00Z"],
      ["secret_received", "2026-10-06T10:00:00Z"],
      ["key_verified", "2026-10-06T11:00:00Z"],
      ["live", "2026-10-06T13:00:00Z"],
    ],
  });
  merchantId = merchant.id;
  await processSlaReportSummary({ data: {} });
}, 120_000);

const calendarIn = (timeZone: string) =>
  updateAgencyCalendar(lead.actor, {
    timeZone,
    days: "mon,tue,wed,thu,fri",
    hours: "09:00-17:30",
    country: "NL",
    closed: "",
  });

afterAll(async () => {
  // Later files in this worker's database expect the default calendar.
  await calendarIn("Europe/Amsterdam");
  await processSlaReportSummary({ data: {} });
});

describe("the SLA report's summary", () => {
  it("serves the period's figures and says when it was refreshed", async () => {
    const r = await report(first);
    expect(r.summaryAt).toBeInstanceOf(Date);
    expect(r.signups).toBe(1);
    expect(live(r)).toMatchObject({ achieved: 1, breached: 0 });
  });

  it("moves a reassigned merchant to its new specialist at the next refresh", async () => {
    await assignMerchants(lead.actor, { merchantIds: [merchantId], specialistId: second.user.id });
    const before = await report(first);
    expect(before.signups).toBe(1); // until the tick, as the page's "as of" says
    await processSlaReportSummary({ data: {} });
    const [after, moved] = [await report(first), await report(second)];
    expect(after.signups).toBe(0);
    expect(moved.signups).toBe(1);
    expect(moved.summaryAt!.getTime()).toBeGreaterThan(before.summaryAt!.getTime());
  });

  it("takes an undone step out of the day it had been completed on", async () => {
    await undoStep(lead.actor, { merchantId, stage: "live", reason: "Went live too early" });
    await processSlaReportSummary({ data: {} });
    expect(live(await report(second))?.achieved ?? 0).toBe(0);
  });

  it("keeps a step still open past its due time until it is done, then counts it on the day it was done", async () => {
    const specialist = await createStaff({ role: "specialist" });
    // Password reset became Actenzo's move Mon 5 Oct 11:00 (target 4 business hours): past due since 15:00.
    const late = await createMerchantWithHistory({
      specialistId: specialist.user.id,
      signedUpAt: "2026-10-05T08:00:00Z",
      steps: [
        ["user_created", "2026-10-05T09:00:00Z"],
        ["user_approved", "2026-10-05T10:00:00Z"],
      ],
    });
    await processSlaReportSummary({ data: {} });
    const reset = (r: Awaited<ReturnType<typeof report>>) => r.outcomes.find((o) => o.step === "password_reset");
    expect(reset(await report(specialist))).toMatchObject({ achieved: 0, breached: 1, openBreached: 1 });
    await completeStep(specialist.actor, { merchantId: late.id, stage: "password_reset" });
    await processSlaReportSummary({ data: {} });
    // Done today, late: the breach belongs to today's period, no longer to the week it fell due in.
    expect(reset(await report(specialist))).toBeUndefined();
  });

  it("marks the same dirty days for a write of many clock rows as for writes of a few", async () => {
    const histories = await Promise.all(
      ["05", "06", "07", "08", "09", "12", "13", "14", "15", "16"].map((day) =>
        createMerchantWithHistory({
          signedUpAt: `2026-10-${day}T08:00:00Z`,
          steps: [
            ["user_created", `2026-10-${day}T09:00:00Z`],
            ["user_approved", `2026-10-${day}T10:00:00Z`],
            ["password_reset", `2026-10-${day}T11:00:00Z`],
            ["key_received", `2026-10-${day}T12:00:00Z`],
            ["secret_received", `2026-10-${day}T13:00:00Z`],
            ["key_verified", `2026-10-${day}T14:00:00Z`],
            ["live", `2026-10-${day}T15:00:00Z`],
          ],
        }),
      ),
    );
    // Moves the given merchants' completions a day later in one statement, and reads the days the
    // triggers marked; rolled back, so each call starts from the same clocks.
    const marked = async (ids: string[]) => {
      let days: string[] = [];
      let rows = 0;
      await db
        .transaction(async (tx) => {
          await tx.execute(dsql`delete from sla_report_dirty_days`);
          const moved = await tx.execute(dsql`update sla_step_clocks set completed_at = completed_at + interval '1 day'
            where merchant_id = any(${`{${ids.join(",")}}`}::uuid[]) and completed_at is not null`);
          rows = moved.count;
          const found = await tx.execute<{ day: string }>(
            dsql`select distinct day::text as day from sla_report_dirty_days`,
          );
          days = [...found].map((r) => r.day).sort();
          tx.rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof TransactionRollbackError)) throw error;
        });
      return { days, rows };
    };
    const ids = histories.map((m) => m.id);
    const all = await marked(ids);
    expect(all.rows).toBeGreaterThan(64); // planned for its own row count
    const oneByOne = await Promise.all(ids.map((id) => marked([id])));
    expect(Math.max(...oneByOne.map((m) => m.rows))).toBeLessThanOrEqual(64); // the cached plan
    expect(all.days).toEqual([...new Set(oneByOne.flatMap((m) => m.days))].sort());
    // Each merchant's sign-up day, its completion day and the day after (Amsterdam days).
    expect(all.days).toEqual(expect.arrayContaining(["2026-10-05", "2026-10-06", "2026-10-16", "2026-10-17"]));
  });

  it("cuts the period in the agency's new time zone at once, from the clocks until the summary is rebuilt in it", async () => {
    expect((await report(second)).zone).toBe("Europe/Amsterdam"); // this process's last report ran in Amsterdam
    await calendarIn("America/New_York");
    const moved = await report(second);
    expect(moved.zone).toBe("America/New_York");
    expect(moved.period.start.toISOString()).toBe("2026-10-05T04:00:00.000Z"); // midnight in New York (EDT)
    expect(moved.summaryAt).toBeNull(); // the summary's days are still Amsterdam's
    expect(moved.signups).toBe(1);
    await processSlaReportSummary({ data: {} });
    const rebuilt = await report(second);
    expect(rebuilt.summaryAt).toBeInstanceOf(Date);
    expect(rebuilt.signups).toBe(1);
  });
});
