import type { Metadata } from "next";
import { TimeStamp } from "@/components/time/time-stamp";
import { can } from "@/lib/auth/actor";
import { requirePagePermission } from "@/lib/auth/session";
import { listReportChoices } from "@/lib/sla/reports/list-report-choices";
import { loadSlaReport } from "@/lib/sla/reports/load-sla-report";
import { loadReportFreshness } from "@/lib/sla/reports/report-freshness";
import { parseReportParams, serializeReportParams } from "@/lib/sla/reports/report-params";
import { reportTables, stepLabel, type ReportTableId } from "@/lib/sla/reports/report-tables";
import { OutcomeChart } from "./_components/outcome-chart";
import { RecomputeButton } from "./_components/recompute-button";
import { ReportControls } from "./_components/report-controls";
import { ReportTableCard } from "./_components/report-table";
import { TrendChart } from "./_components/trend-chart";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * SLA reports for leads and admins: is onboarding on time, where do merchants stall, and whose
 * delay is it. Period and segment live in the URL; every table has its CSV (same figures).
 */
export default async function ReportsPage({ searchParams }: Props) {
  const actor = await requirePagePermission("reports:read");
  const params = parseReportParams(await searchParams);
  const [report, freshness, choices] = await Promise.all([
    loadSlaReport(actor, params),
    loadReportFreshness(actor),
    listReportChoices(actor),
  ]);
  const tables = reportTables(report);
  const csv = (id: ReportTableId) => `/reports/csv${serializeReportParams(params, { table: id })}`;
  const last = freshness.lastRecompute;
  return (
    <div className="grid gap-4">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold">SLA reports</h1>
        <p className="text-sm text-muted-foreground">
          {report.period.label} ({report.zone}). Business time on the agency and merchant calendars; a step counts in
          the period in which it was completed, or in which it breached while still open.
        </p>
      </div>
      <ReportControls params={params} choices={choices} />
      <section
        aria-label="Freshness"
        className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted-foreground"
      >
        {report.summaryAt ? (
          <span data-testid="summary-freshness">
            Period figures as of <TimeStamp date={report.summaryAt} mode="exact" /> (a summary of the clocks, refreshed
            every minute, with the steps that passed their due time since); workload as of{" "}
            <TimeStamp date={report.generatedAt} mode="exact" />.
          </span>
        ) : (
          <span>
            Figures as of <TimeStamp date={report.generatedAt} mode="exact" />; clocks update with every event.
          </span>
        )}
        <span data-testid="last-recompute">
          {last ? (
            <>
              Last full recompute{" "}
              {last.finishedAt ? <TimeStamp date={last.finishedAt} mode="both" /> : "started, not finished"} (
              {last.merchants} merchants{last.ok === false ? ", incomplete" : ""})
            </>
          ) : (
            "No full recompute yet"
          )}
        </span>
        {freshness.running ? (
          <span role="status">
            Recompute {freshness.running.state}: {freshness.running.progress} %
          </span>
        ) : null}
        {!freshness.queueKnown ? <span>(job queue unreachable: progress unknown)</span> : null}
        {can(actor, "sla:recompute") ? <RecomputeButton /> : null}
      </section>
      <div className="grid gap-4 xl:grid-cols-2">
        {tables.map((table) => (
          <ReportTableCard key={table.id} table={table} csvHref={csv(table.id)}>
            {table.id === "outcomes" && report.outcomes.length > 0 ? (
              <OutcomeChart data={report.outcomes.map((o) => ({ ...o, step: stepLabel(o.step) }))} />
            ) : null}
            {table.id === "trend" && report.trend.length > 0 ? <TrendChart data={report.trend} /> : null}
          </ReportTableCard>
        ))}
      </div>
    </div>
  );
}
