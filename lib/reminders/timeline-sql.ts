import type { PendingQuery, Row, Sql } from "postgres";

/**
 * The timeline half of a set-based reminder write, as CTEs to append to a statement whose earlier
 * CTE `source` yields (merchant_id, stage, evidence): one `reminder`-kind event per row and the
 * merchants' last activity, which is what recordMerchantEvent does for one non-clock event. One
 * statement for thousands of merchants instead of a transaction each.
 */
export function timelineCtes(sql: Sql, source: string, type: "reminder" | "reminder_sent"): PendingQuery<Row[]> {
  return sql`
    timeline_events as (
      insert into merchant_events (merchant_id, type, stage, evidence)
      select merchant_id, ${type}::merchant_event_type, stage, evidence from ${sql(source)}
      returning merchant_id
    ), timeline_touched as (
      update merchants set last_activity_at = greatest(last_activity_at, now())
      from (select distinct merchant_id from timeline_events) e where merchants.id = e.merchant_id
      returning 1
    )`;
}
