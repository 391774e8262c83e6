import { beforeAll, describe, expect, it } from "vitest";
import { processSlaReportSummary } from "@/jobs/processors/sla";
import { ForbiddenError } from "@/lib/errors";
import { loadSlaReport } from "@/lib/sla/reports/load-sla-report";
import { reportCsvResponse } from "@/lib/sla/reports/report-csv";
import { parseReportParams } from "@/lib/sla/reports/report-params";
import { reportTables, type ReportTable } from "@/lib/sla/reports/report-tables";
import { createMerchantWithHistory } from "@/tests/factories/sla-history";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";

/**
 * Four merchants with known histories in the week of Mon 2 Nov 2026 (Amsterdam, UTC+1), all with
 * one fresh specialist so the segment isolates them from other tests' data:
 * A on time everywhere; B's password reset 9.5 business hours (target 4); C cancelled while the
 * merchant approves the user; D's password reset still open and past due since Thu 15:00.
 */
let specialist: CreatedStaff;
let lead: CreatedStaff;
const query = () => `period=custom&from=2026-11-02&to=2026-11-08&specialist=${specialist.user.id}`;

beforeAll(async () => {
  specialist = await createStaff({ role: "specialist" });
  lead = await createStaff({ role: "lead" });
  const specialistId = specialist.user.id;
  await createMerchantWithHistory({
    specialistId,
    signedUpAt: "2026-11-02T08:00:00Z",
    steps: [
      ["user_created", "2026-11-02T09:00:00Z"],
      ["user_approved", "2026-11-02T10:00:00Z"],
      ["password_reset", "2026-11-02T11:00:00Z"],
      ["key_received", "2026-11-03T09:00:00Z"],
      ["secret_received", "2026-11-03T10:00:00Z"],
      ["key_verified", "2026-11-03T11:00:00Z"],
      ["live", "2026-11-03T13:00:00Z"],
    ],
  });
  await createMerchantWithHistory({
    specialistId,
    signedUpAt: "2026-11-02T08:00:00Z",
    steps: [
      ["user_created", "2026-11-02T09:00:00Z"],
      ["user_approved", "2026-11-02T10:00:00Z"],
      ["password_reset", "2026-11-03T11:00:00Z"],
      ["key_received", "2026-11-03T12:00:00Z"],
      ["secret_received", "2026-11-03T13:00:00Z"],
      ["key_verified", "2026-11-03T14:00:00Z"],
      ["live", "2026-11-03T15:00:00Z"],
    ],
  });
  await createMerchantWithHistory({
    specialistId,
    signedUpAt: "2026-11-02T08:00:00Z",
    steps: [["user_created", "2026-11-02T09:00:00Z"]],
    cancelledAt: "2026-11-04T09:00:00Z",
  });
  await createMerchantWithHistory({
    specialistId,
    signedUpAt: "2026-11-05T08:00:00Z",
    steps: [
      ["user_created", "2026-11-05T09:00:00Z"],
      ["user_approved", "2026-11-05T10:00:00Z"],
    ],
  });
  // The report's period figures come from the per-day summary: bring it up to these histories the
  // way production does, with the minute's sla-report-summary tick.
  await processSlaReportSummary({ data: {} });
}, 120_000);

const table = (tables: ReportTable[], id: ReportTable["id"]) => tables.find((t) => t.id === id)!;

describe("the SLA report", () => {
  it("shows every figure of the known histories", async () => {
    const report = await loadSlaReport(lead.actor, parseReportParams(new URLSearchParams(query())));
    const tables = reportTables(report);
    expect(table(tables, "outcomes").rows).toEqual([
      ["Password reset", "v1", "1", "2", "1", "33 %"],
      ["Key verified", "v1", "2", "0", "0", "100 %"],
      ["Live", "v1", "2", "0", "0", "100 %"],
      ["End to end", "v1", "2", "0", "0", "100 %"],
    ]);
    expect(table(tables, "times").rows).toEqual([
      ["Back-office user created", "4", "0 min", "0 min", "1 h 00 min", "1 h 00 min", "0 min", "0 min"],
      ["User approved with full permissions", "3", "0 min", "0 min", "1 h 00 min", "1 h 00 min", "0 min", "0 min"],
      // 1 h and 9.5 h: the median halfway, p90 nine tenths of the way (linear interpolation).
      ["Password reset", "2", "5 h 15 min", "8 h 39 min", "0 min", "0 min", "0 min", "0 min"],
      // A waited Mon 12:00–17:30 and Tue 09:00–10:00: 6.5 business hours, not 22.
      ["API key received", "2", "0 min", "0 min", "3 h 45 min", "5 h 57 min", "0 min", "0 min"],
      ["API secret received", "2", "0 min", "0 min", "1 h 00 min", "1 h 00 min", "0 min", "0 min"],
      ["Key verified", "2", "1 h 00 min", "1 h 00 min", "0 min", "0 min", "0 min", "0 min"],
      ["Live", "2", "1 h 30 min", "1 h 54 min", "0 min", "0 min", "0 min", "0 min"],
      ["End to end", "2", "7 h 45 min", "10 h 45 min", "6 h 45 min", "8 h 57 min", "0 min", "0 min"],
    ]);
    expect(table(tables, "funnel").rows).toEqual([
      ["Signed up", "4", "4", "0"],
      ["Back-office user created", "4", "4", "0"],
      ["User approved with full permissions", "4", "3", "1"],
      ["Password reset", "3", "2", "0"],
      ["API key received", "2", "2", "0"],
      ["API secret received", "2", "2", "0"],
      ["Key verified", "2", "2", "0"],
      ["Live", "2", "2", "0"],
    ]);
    expect(table(tables, "causes").rows).toEqual([
      ["Actenzo", "2", "0"],
      ["Merchant", "0", "0"],
      ["Lightspeed incident", "0", "0"],
    ]);
    expect(table(tables, "workload").rows).toEqual([[specialist.user.name, "1", "0", "1"]]);
    expect(table(tables, "trend").rows).toEqual([["2026-11-02", "5", "2", "71 %", "2", "0"]]);
  });

  it("another period or segment leaves these merchants out", async () => {
    const report = await loadSlaReport(
      lead.actor,
      parseReportParams(
        new URLSearchParams(`${query().replace("2026-11-02", "2026-11-09").replace("2026-11-08", "2026-11-15")}`),
      ),
    );
    expect(report.outcomes).toEqual([]);
    const other = await loadSlaReport(lead.actor, parseReportParams(new URLSearchParams(`${query()}&country=DE`)));
    expect(other.times).toEqual([]);
  });

  it("each CSV has exactly the table's cells", async () => {
    const report = await loadSlaReport(lead.actor, parseReportParams(new URLSearchParams(query())));
    for (const t of reportTables(report)) {
      const response = await reportCsvResponse(
        lead.actor,
        new URL(`http://console.test/reports/csv?table=${t.id}&${query()}`),
      );
      expect(response.status).toBe(200);
      const lines = (await response.text()).trim().split("\r\n");
      const cells = lines.map((line) => line.slice(1, -1).split('","'));
      expect(cells).toEqual([t.columns, ...t.rows]);
    }
  });

  it("specialists may not read it", async () => {
    await expect(loadSlaReport(specialist.actor, parseReportParams(new URLSearchParams(query())))).rejects.toThrow(
      ForbiddenError,
    );
    const response = await reportCsvResponse(specialist.actor, new URL(`http://console.test/reports/csv?table=times`));
    expect(response.status).toBe(403);
  });
});
