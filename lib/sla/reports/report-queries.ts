import { sql as dsql, type SQL } from "drizzle-orm";
import { UNASSIGNED, type ReportParams } from "./report-params";
import { addDaysIso } from "./report-period";
import { parseLocalDate } from "@/lib/time";

/**
 * The SLA report's SQL, over `sla_step_clocks` (c) joined to `merchants` (m) for the segment.
 * A step counts in a period when its outcome was decided in it: completed in the period, or
 * breached (due time passed) in the period while still open. Every query is a named fragment so
 * the bench can time the same text raw (tests/bench/sla-report.ts).
 */
export type ReportScope = { start: Date; end: Date; now: Date; zone: string; params: ReportParams };

const iso = (d: Date) => d.toISOString();

export function segment({ params, zone }: ReportScope): SQL {
  const parts: SQL[] = [];
  if (params.cluster) parts.push(dsql`m.cluster = ${params.cluster}`);
  if (params.country) parts.push(dsql`m.country = ${params.country}`);
  if (params.specialist === UNASSIGNED) parts.push(dsql`m.specialist_id is null`);
  else if (params.specialist) parts.push(dsql`m.specialist_id = ${params.specialist}`);
  const cohort = params.cohort && parseLocalDate(params.cohort, zone);
  const cohortEnd = params.cohort && parseLocalDate(addDaysIso(params.cohort, 7), zone);
  if (cohort && cohortEnd)
    parts.push(
      dsql`m.created_at >= ${iso(cohort.start)}::timestamptz and m.created_at < ${iso(cohortEnd.start)}::timestamptz`,
    );
  return parts.length ? dsql.join(parts, dsql` and `) : dsql`true`;
}

/** The clock rows, joined to their merchants only when a segment needs a merchant's column. */
export function clocks(scope: ReportScope): SQL {
  const { cluster, country, specialist, cohort } = scope.params;
  return cluster || country || specialist || cohort
    ? dsql`sla_step_clocks c join merchants m on m.id = c.merchant_id`
    : dsql`sla_step_clocks c`;
}

/** Steps with an Actenzo target (and end to end) whose outcome was decided in the period. */
function decided(scope: ReportScope): SQL {
  const [start, end, now] = [iso(scope.start), iso(scope.end), iso(scope.now)];
  return dsql`(
    select c.*, c.due_at is not null and c.due_at < coalesce(c.completed_at, c.cancelled_at, ${now}::timestamptz) as breached,
      coalesce(c.completed_at, c.due_at) as decided_at
    from ${clocks(scope)}
    where c.owner <> 'merchant' and c.target_seconds is not null and ${segment(scope)} and (
      (c.completed_at >= ${start}::timestamptz and c.completed_at < ${end}::timestamptz)
      or (c.completed_at is null and c.due_at >= ${start}::timestamptz and c.due_at < ${end}::timestamptz
          and c.due_at < coalesce(c.cancelled_at, ${now}::timestamptz))
    )) d`;
}

/**
 * Now, not the period: who holds which open merchants, and how many of them the queue's SLA filter
 * shows as due soon and breached (the stored due and warning instants of each merchant's open
 * step, as lib/work-queue/filters.ts reads them), counted off one covering partial index.
 */
export function workloadQuery(scope: ReportScope): SQL {
  const now = iso(scope.now);
  return dsql`select w.specialist_id, s.name, w.open, w.due_soon, w.breached
      from (select m.specialist_id, count(*)::int as open,
          count(*) filter (where m.sla_warn_at <= ${now}::timestamptz and m.sla_due_at > ${now}::timestamptz)::int as due_soon,
          count(*) filter (where m.sla_due_at <= ${now}::timestamptz)::int as breached
        from merchants m
        where m.cancelled_at is null and m.current_stage is not null and ${segment(scope)}
        group by m.specialist_id) w
      left join staff_users s on s.id = w.specialist_id`;
}

/** The report straight from the clocks: any segment, exact; the fallback when the summary cannot serve. */
export function reportQueries(scope: ReportScope) {
  const [start, end] = [iso(scope.start), iso(scope.end)];
  const seg = segment(scope);
  return {
    // Achieved vs breached, causes and the weekly trend: one pass, grouped finely, summed in JS.
    decided: dsql`select step, policy_version, coalesce(cause, 'agency') as cause, breached,
        completed_at is null as still_open,
        to_char(date_trunc('week', decided_at at time zone ${scope.zone}), 'YYYY-MM-DD') as week, count(*)::int as n
      from ${decided(scope)} group by 1, 2, 3, 4, 5, 6`,
    // The heaviest: three ordered-set aggregates per step over every step completed in the period.
    times: dsql`select c.step, count(*)::int as n,
        percentile_cont(array[0.5, 0.9]) within group (order by c.agency_work_seconds) as agency,
        percentile_cont(array[0.5, 0.9]) within group (order by c.merchant_wait_seconds) as merchant,
        percentile_cont(array[0.5, 0.9]) within group (order by c.hold_seconds) as hold
      from ${clocks(scope)}
      where c.completed_at >= ${start}::timestamptz and c.completed_at < ${end}::timestamptz and ${seg}
      group by c.step`,
    funnel: dsql`select c.step, count(*)::int as reached, count(c.completed_at)::int as completed,
        count(*) filter (where c.cancelled_at is not null)::int as dropped
      from merchants m join sla_step_clocks c on c.merchant_id = m.id
      where m.created_at >= ${start}::timestamptz and m.created_at < ${end}::timestamptz and ${seg}
      group by c.step`,
    workload: workloadQuery(scope),
  };
}
export type ReportQueryName = keyof ReturnType<typeof reportQueries>;
