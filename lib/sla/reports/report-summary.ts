import { sql as dsql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { slaReportSummaryState } from "@/db/schema";
import { loadAgencyCalendar } from "@/lib/sla/sla-context";
import { bucketOf } from "./time-buckets";

/**
 * Keeps the report's per-day summary (db/schema/sla-report-summary.ts) in step with
 * `sla_step_clocks`: the days the triggers marked dirty are rebuilt from the clocks, each in full,
 * so a run is idempotent and a crashed run (rolled back, its dirty days kept) is simply redone.
 * Runs are serialised by an advisory lock. A full rebuild happens the first time and whenever the
 * agency's time zone (in which days are cut) is not the summary's.
 */
export type SummaryRefresh = { full: boolean; days: number };

const LOCK = dsql`select pg_advisory_xact_lock(hashtext('sla_report_summary'))`;

/** Every segment a merchant `m` counts in: all, its cluster, country, specialist, sign-up week. */
const segments = (zone: string) => dsql`cross join lateral (values ('all', ''), ('cluster', m.cluster::text),
  ('country', m.country), ('specialist', coalesce(m.specialist_id::text, 'none')),
  ('cohort', to_char(date_trunc('week', m.created_at at time zone ${zone}), 'YYYY-MM-DD'))) s(dim, val)`;

/** The instants [start, end) of each local day of `days` (a date[] parameter), as `d`. */
const dayRanges = (
  days: string[],
  zone: string,
) => dsql`(select day, (day::timestamp at time zone ${zone}) as day_start,
    ((day + 1)::timestamp at time zone ${zone}) as day_end from unnest(${`{${days.join(",")}}`}::date[]) day) d`;

function rebuildDays(tx: Tx, days: string[], zone: string) {
  const inDays = dayRanges(days, zone);
  const list = dsql`${`{${days.join(",")}}`}::date[]`;
  const local = (col: SQL) => dsql`(${col} at time zone ${zone})::date`;
  // Decided: completed that day (breached if past due), or cancelled after its due time, or still
  // open past its due time as of this refresh (now(), the transaction's start, is stored as
  // refreshed_at: the report counts steps due since then live).
  const decided = dsql`(
      select c.*, ${local(dsql`c.completed_at`)} as day, coalesce(c.due_at < c.completed_at, false) as breached,
        false as still_open
      from ${inDays} join sla_step_clocks c on c.completed_at >= d.day_start and c.completed_at < d.day_end
      where c.owner <> 'merchant' and c.target_seconds is not null
      union all
      select c.*, ${local(dsql`c.due_at`)}, true, true
      from ${inDays} join sla_step_clocks c on c.due_at >= d.day_start and c.due_at < d.day_end
      where c.completed_at is null and c.cancelled_at is not null and c.due_at < c.cancelled_at
        and c.owner <> 'merchant' and c.target_seconds is not null
      union all
      select c.*, ${local(dsql`c.due_at`)}, true, true
      from ${inDays} join sla_step_clocks c on c.due_at >= d.day_start and c.due_at < d.day_end
      where c.completed_at is null and c.cancelled_at is null and c.due_at < now()
        and c.owner <> 'merchant' and c.target_seconds is not null) r`;
  const completed = dsql`(select c.*, d.day from ${inDays}
      join sla_step_clocks c on c.completed_at >= d.day_start and c.completed_at < d.day_end) r`;
  return [
    dsql`delete from sla_report_outcome_days where day = any(${list})`,
    dsql`delete from sla_report_time_days where day = any(${list})`,
    dsql`delete from sla_report_funnel_days where day = any(${list})`,
    dsql`insert into sla_report_outcome_days (day, step, dim, val, policy_version, cause, breached, still_open, n)
      select r.day, r.step, s.dim, s.val, r.policy_version, coalesce(r.cause, 'agency'), r.breached, r.still_open, count(*)
      from ${decided} join merchants m on m.id = r.merchant_id ${segments(zone)}
      group by 1, 2, 3, 4, 5, 6, 7, 8`,
    dsql`insert into sla_report_time_days (day, step, dim, val, metric, bucket, n, lo, hi)
      select r.day, r.step, s.dim, s.val, t.metric, ${bucketOf(dsql`t.v`)}, count(*), min(t.v), max(t.v)
      from ${completed} join merchants m on m.id = r.merchant_id ${segments(zone)}
      cross join lateral (values (0::smallint, r.agency_work_seconds), (1::smallint, r.merchant_wait_seconds),
        (2::smallint, r.hold_seconds)) t(metric, v)
      group by 1, 2, 3, 4, 5, 6`,
    dsql`insert into sla_report_funnel_days (day, step, dim, val, reached, completed, dropped)
      select d.day, c.step, s.dim, s.val, count(*), count(c.completed_at), count(*) filter (where c.cancelled_at is not null)
      from ${inDays} join merchants m on m.created_at >= d.day_start and m.created_at < d.day_end
      join sla_step_clocks c on c.merchant_id = m.id ${segments(zone)}
      group by 1, 2, 3, 4`,
  ].reduce<Promise<unknown>>((previous, statement) => previous.then(() => tx.execute(statement)), Promise.resolve());
}

/** The summary's zone (null before its first rebuild) and last refresh, for the report's loader. */
export async function loadSummaryState(): Promise<{ zone: string | null; refreshedAt: Date | null }> {
  const [state] = await db
    .select({ zone: slaReportSummaryState.zone, refreshedAt: slaReportSummaryState.refreshedAt })
    .from(slaReportSummaryState)
    .limit(1)
    // Named: the report reads it on every load, and an unnamed statement costs a describe round trip.
    .prepare("sla_report_summary_state")
    .execute();
  return state ?? { zone: null, refreshedAt: null };
}

/** Every local day any clock row can count in: from the first sign-up to the last completion (or today). */
async function allDays(tx: Tx, zone: string): Promise<string[]> {
  const rows = await tx.execute<{ day: string }>(dsql`
    select to_char(g, 'YYYY-MM-DD') as day from generate_series(
      (select (min(created_at) at time zone ${zone})::date from merchants),
      greatest((now() at time zone ${zone})::date,
        (select (max(completed_at) at time zone ${zone})::date from sla_step_clocks),
        (select (max(created_at) at time zone ${zone})::date from merchants)),
      interval '1 day') g`);
  return [...rows].map((r) => r.day).filter(Boolean);
}

/** The local days from `since` to now. */
async function daysSince(tx: Tx, since: Date, zone: string): Promise<string[]> {
  const rows = await tx.execute<{ day: string }>(dsql`
    select to_char(g, 'YYYY-MM-DD') as day from generate_series(
      (${since.toISOString()}::timestamptz at time zone ${zone})::date, (now() at time zone ${zone})::date, interval '1 day') g`);
  return [...rows].map((r) => r.day);
}

/**
 * Rebuilds the summary's dirty days (or everything with `full`, or when the agency's time zone
 * changed). The `sla-report-summary` tick runs it every minute; the `sla-recompute` job after a
 * full recompute.
 */
export async function refreshReportSummary(options: { full?: boolean } = {}): Promise<SummaryRefresh> {
  const zone = (await loadAgencyCalendar()).timeZone;
  const [state] = await db.execute<{
    zone: string | null;
    mark_zone: string | null;
    refreshed_at: string | Date | null;
  }>(dsql`select zone, mark_zone, refreshed_at from sla_report_summary_state where singleton`);
  const full = Boolean(options.full) || state?.zone !== zone;
  if (full && state?.mark_zone !== zone) {
    // Committed before the rebuild reads any clock: a write from now on marks its days in this zone.
    await db.transaction(async (tx) => {
      await tx.execute(LOCK);
      await tx.execute(dsql`insert into sla_report_summary_state (singleton, mark_zone) values (true, ${zone})
        on conflict (singleton) do update set mark_zone = excluded.mark_zone`);
    });
  }
  return db.transaction(async (tx) => {
    await tx.execute(LOCK);
    const marked = await tx.execute<{ day: string }>(
      dsql`delete from sla_report_dirty_days returning to_char(day, 'YYYY-MM-DD') as day`,
    );
    // Open steps whose due time passed since the last refresh changed no row (nothing marked their
    // day): the local days from the last refresh to now are rebuilt too (usually today alone).
    const passed = full || !state?.refreshed_at ? [] : await daysSince(tx, new Date(state.refreshed_at), zone);
    const days = full ? await allDays(tx, zone) : [...new Set([...[...marked].map((r) => r.day), ...passed])];
    if (full) {
      await tx.execute(dsql`delete from sla_report_outcome_days`);
      await tx.execute(dsql`delete from sla_report_time_days`);
      await tx.execute(dsql`delete from sla_report_funnel_days`);
    }
    if (days.length > 0) await rebuildDays(tx, days, zone);
    await tx.execute(dsql`update sla_report_summary_state set zone = ${zone}, refreshed_at = now()
      ${full ? dsql`, rebuilt_at = now()` : dsql``} where singleton`);
    return { full, days: days.length };
  });
}
