import { sql as dsql } from "drizzle-orm";
import { DEFAULT_AGENCY_CALENDAR, loadAgencyCalendar } from "@/lib/sla/sla-context";
import { loadSummaryState } from "./report-summary";

/**
 * What a report's statement depends on besides its params: the agency's time zone (periods are
 * cut in it) and the per-day summary's zone (the summary answers only when it was cut in the same
 * one), with the summary's last refresh shown as the figures' freshness.
 */
export type ReportState = { zone: string; summaryZone: string | null; refreshedAt: Date | null };

/** The state read on its own, before a report has run in this process. */
export async function loadReportState(): Promise<ReportState> {
  const [agency, summary] = await Promise.all([loadAgencyCalendar(), loadSummaryState()]);
  return { zone: agency.timeZone, summaryZone: summary.zone, refreshedAt: summary.refreshedAt };
}

/** The same state as a column of the report's statement, read in its snapshot (decision 0042). */
export const STATE_COLUMN = dsql`(select json_build_array(
    (select time_zone from sla_agency_calendar limit 1),
    (select zone from sla_report_summary_state where singleton),
    (select floor(extract(epoch from refreshed_at) * 1000)::float8 from sla_report_summary_state where singleton)))`;

export function parseStateColumn(value: unknown): ReportState {
  const [zone, summaryZone, refreshedAt] = value as [string | null, string | null, number | null];
  return {
    zone: zone ?? DEFAULT_AGENCY_CALENDAR.timeZone,
    summaryZone,
    refreshedAt: refreshedAt === null ? null : new Date(refreshedAt),
  };
}
