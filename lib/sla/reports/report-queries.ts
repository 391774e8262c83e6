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

function segment({ params, zone }: ReportScope): SQL {
  const parts: SQL[] = [dsql`true`];
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
  return dsql.join(parts, dsql` and `);
}

/** Steps with an Actenzo target (and end to end) whose outcome was decided in the period. */
function decided(scope: ReportScope): SQL {
  const [start, end, now] = [iso(scope.start), iso(scope.end), iso(scope.now)];
  return dsql`(
    select c.*, c.due_at is not null and c.due_at < coalesce(c.completed_at, c.cancelled_at, ${now}::timestamptz) as breached,
      coalesce(c.completed_at, c.due_at) as decided_at
    from sla_step_clocks c join merchants m on m.id = c.merchant_id
    where c.owner <> 'merchant' and c.target_seconds is not null and ${segment(scope)} and (
      (c.completed_at >= ${start}::timestamptz and c.completed_at < ${end}::timestamptz)
      or (c.completed_at is null and c.due_at >= ${start}::timestamptz and c.due_at < ${end}::timestamptz
          and c.due_at < coalesce(c.cancelled_at, ${now}::timestamptz))
    )) d`;
}

export function reportQueries(scope: ReportScope) {
  const [start, end, now] = [iso(scope.start), iso(scope.end), iso(scope.now)];
  const seg = segment(scope);
  return {
    outcomes: dsql`select step, array_agg(distinct policy_version order by policy_version) as versions,
        count(*) filter (where not breached)::int as achieved, count(*) filter (where breached)::int as breached,
        count(*) filter (where breached and completed_at is null)::int as open_breached
      from ${decided(scope)} group by step`,
    // The heaviest: three ordered-set aggregates per step over every step completed in the period.
    times: dsql`select c.step, count(*)::int as n,
        percentile_cont(array[0.5, 0.9]) within group (order by c.agency_work_seconds) as agency,
        percentile_cont(array[0.5, 0.9]) within group (order by c.merchant_wait_seconds) as merchant,
        percentile_cont(array[0.5, 0.9]) within group (order by c.hold_seconds) as hold
      from sla_step_clocks c join merchants m on m.id = c.merchant_id
      where c.completed_at >= ${start}::timestamptz and c.completed_at < ${end}::timestamptz and ${seg}
      group by c.step`,
    funnel: dsql`select c.step, count(*)::int as reached, count(c.completed_at)::int as completed,
        count(*) filter (where c.cancelled_at is not null)::int as dropped
      from merchants m join sla_step_clocks c on c.merchant_id = m.id
      where m.created_at >= ${start}::timestamptz and m.created_at < ${end}::timestamptz and ${seg}
      group by c.step`,
    causes: dsql`select case when step = 'end_to_end' then 'end_to_end' else 'step' end as scope,
        coalesce(cause, 'agency') as cause, count(*)::int as n
      from ${decided(scope)} where breached group by 1, 2`,
    trend: dsql`select to_char(date_trunc('week', decided_at at time zone ${scope.zone}), 'YYYY-MM-DD') as week,
        count(*) filter (where not breached and step <> 'end_to_end')::int as achieved,
        count(*) filter (where breached and step <> 'end_to_end')::int as breached,
        count(*) filter (where not breached and step = 'end_to_end')::int as e2e_achieved,
        count(*) filter (where breached and step = 'end_to_end')::int as e2e_breached
      from ${decided(scope)} group by 1 order by 1`,
    // Now, not the period: who holds which open merchants, and which of their steps are at risk.
    workload: dsql`select m.specialist_id, s.name,
        count(distinct m.id)::int as open,
        count(distinct m.id) filter (where c.warn_at <= ${now}::timestamptz and c.due_at > ${now}::timestamptz)::int as due_soon,
        count(distinct m.id) filter (where c.due_at <= ${now}::timestamptz)::int as breached
      from merchants m
      left join sla_step_clocks c on c.merchant_id = m.id and c.owner = 'agency'
        and c.completed_at is null and c.cancelled_at is null
      left join staff_users s on s.id = m.specialist_id
      where m.cancelled_at is null and m.current_stage is not null and ${seg}
      group by m.specialist_id, s.name`,
  };
}
export type ReportQueryName = keyof ReturnType<typeof reportQueries>;
