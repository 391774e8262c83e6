import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The SLA report's per-day summary of `sla_step_clocks` (lib/sla/reports/report-summary.ts), so a
 * quarter's report sums a few thousand rows instead of sorting every clock of the quarter. Each
 * table is grouped by local day of the agency time zone (the state row's `zone`) × step × one
 * segment: `dim` is `all`, `cluster`, `country`, `specialist` (`none` = unassigned) or `cohort`
 * (the sign-up week's Monday), `val` its value. Derived data: rebuilt per day by the
 * `sla-report-summary` job from the days the triggers marked dirty (docs/decisions/0030).
 */
const segmentColumns = {
  day: date().notNull(),
  step: text().notNull(),
  dim: text().notNull(),
  val: text().notNull(),
};

/** Steps decided without reference to "now": completed (that day), or cancelled after their due time (due day). */
export const slaReportOutcomeDays = pgTable(
  "sla_report_outcome_days",
  {
    ...segmentColumns,
    policyVersion: integer().notNull(),
    cause: text().notNull(),
    breached: boolean().notNull(),
    stillOpen: boolean().notNull(),
    n: integer().notNull(),
  },
  (t) => [
    index("sla_report_outcome_days_segment_idx").on(
      t.dim,
      t.val,
      t.day,
      t.step,
      t.policyVersion,
      t.cause,
      t.breached,
      t.stillOpen,
      t.n,
    ),
  ],
);

/**
 * Steps completed that day: per metric (0 agency work, 1 merchant wait, 2 hold) the count, lowest
 * and highest business seconds in each histogram bucket (lib/sla/reports/time-buckets.ts).
 */
export const slaReportTimeDays = pgTable(
  "sla_report_time_days",
  {
    ...segmentColumns,
    metric: smallint().notNull(),
    bucket: integer().notNull(),
    n: integer().notNull(),
    lo: integer().notNull(),
    hi: integer().notNull(),
  },
  // Every column in the key: a period's buckets are an index-only range scan.
  (t) => [
    index("sla_report_time_days_segment_idx").on(t.dim, t.val, t.day, t.step, t.metric, t.bucket, t.n, t.lo, t.hi),
  ],
);

/** Merchants who signed up that day: per step, how many reached, completed and dropped out there. */
export const slaReportFunnelDays = pgTable(
  "sla_report_funnel_days",
  {
    ...segmentColumns,
    reached: integer().notNull(),
    completed: integer().notNull(),
    dropped: integer().notNull(),
  },
  (t) => [
    index("sla_report_funnel_days_segment_idx").on(t.dim, t.val, t.day, t.step, t.reached, t.completed, t.dropped),
  ],
);

/**
 * Days whose summary is stale: appended by statement triggers on `sla_step_clocks` and on
 * `merchants` (segment columns), consumed by the refresh. No unique key on purpose: concurrent
 * step completions on the same day must not wait on each other's insert.
 */
export const slaReportDirtyDays = pgTable("sla_report_dirty_days", {
  day: date().notNull(),
});

/**
 * One row. `markZone` is the zone the triggers mark dirty days in (set, and committed, before a
 * rebuild starts, so no write during the rebuild goes unmarked); `zone` the one the summary's rows
 * are in, set when a rebuild commits. The report reads the summary only when `zone` is the agency's.
 */
export const slaReportSummaryState = pgTable(
  "sla_report_summary_state",
  {
    singleton: boolean().primaryKey().default(true),
    markZone: text(),
    /** Null until the first full rebuild: the report reads the clocks directly until then. */
    zone: text(),
    refreshedAt: timestamp({ withTimezone: true }),
    rebuiltAt: timestamp({ withTimezone: true }),
  },
  (t) => [check("sla_report_summary_state_singleton", sql`${t.singleton}`)],
);
