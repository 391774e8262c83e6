import { sql as dsql, type SQL } from "drizzle-orm";
import { UNASSIGNED } from "./report-params";
import { localDay, mondayOf } from "./report-period";
import { clocks, segment, workloadQuery, type ReportScope } from "./report-queries";

/**
 * The report from the per-day summary (report-summary.ts), for the segments it keeps: none, or
 * exactly one of cluster, country, specialist, sign-up week. Same names and row shapes as
 * `reportQueries`, except `times`, which returns histogram buckets (time-buckets.ts). Only the
 * workload and the open steps whose due time passed since the summary's refresh (it holds those
 * past due before) are read live.
 */
export type SummarySegment = { dim: string; val: string };

/** The summary's segment for these params, or null when only the clocks can answer (two filters, an odd cohort day). */
export function summarySegment({ params }: Pick<ReportScope, "params">): SummarySegment | null {
  const set = [
    params.cluster && { dim: "cluster", val: params.cluster },
    params.country && { dim: "country", val: params.country },
    params.specialist && { dim: "specialist", val: params.specialist === UNASSIGNED ? "none" : params.specialist },
    params.cohort && mondayOf(params.cohort) === params.cohort && { dim: "cohort", val: params.cohort },
  ].filter((s): s is SummarySegment => Boolean(s));
  const filters = [params.cluster, params.country, params.specialist, params.cohort].filter(Boolean).length;
  if (filters === 0) return { dim: "all", val: "" };
  return filters === 1 && set.length === 1 ? set[0]! : null;
}

export function summaryQueries(scope: ReportScope, seg: SummarySegment) {
  const [start, end, now] = [scope.start, scope.end, scope.now].map((d) => d.toISOString());
  // The summary keeps steps still open past their due time as of its refresh; those due since are
  // read live. The refresh instant is read by the same statement as the summary rows, so both come
  // from one snapshot: a refresh committing between two reads can neither count a step twice nor miss it.
  const dueSince = dsql`greatest(${start}::timestamptz,
    coalesce((select refreshed_at from sla_report_summary_state where singleton), '-infinity'))`;
  // Periods are whole local days, so [start, end) is the days [first, last).
  const [first, last] = [localDay(scope.start, scope.zone), localDay(scope.end, scope.zone)];
  const days = (table: string): SQL =>
    dsql`from ${dsql.identifier(table)} where dim = ${seg.dim} and val = ${seg.val} and day >= ${first}::date and day < ${last}::date`;
  return {
    decided: dsql`select step, policy_version, cause, breached, still_open,
        to_char(date_trunc('week', day), 'YYYY-MM-DD') as week, sum(n)::int as n
      ${days("sla_report_outcome_days")} group by 1, 2, 3, 4, 5, 6
      union all
      -- Grouped by the week's first instant, named afterwards: to_char once per group, not per step.
      select step, policy_version, cause, true, true, to_char(week, 'YYYY-MM-DD'), n::int
      from (select c.step, c.policy_version, coalesce(c.cause, 'agency') as cause,
          date_trunc('week', c.due_at at time zone ${scope.zone}) as week, count(*) as n
        from ${clocks(scope)}
        where c.completed_at is null and c.cancelled_at is null and c.owner <> 'merchant' and c.target_seconds is not null
          and c.due_at >= ${dueSince} and c.due_at < ${end}::timestamptz and c.due_at < ${now}::timestamptz
          and ${segment(scope)}
        group by 1, 2, 3, 4) open_breaches`,
    times: dsql`select step, metric, bucket, sum(n)::int as n, min(lo) as lo, max(hi) as hi
      ${days("sla_report_time_days")} group by 1, 2, 3 order by 1, 2, 3`,
    funnel: dsql`select step, sum(reached)::int as reached, sum(completed)::int as completed, sum(dropped)::int as dropped
      ${days("sla_report_funnel_days")} group by 1`,
    workload: workloadQuery(scope),
  };
}
