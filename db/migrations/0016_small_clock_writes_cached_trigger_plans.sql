-- A step completion writes a merchant's few clock rows (decision 0043). The dirty-day triggers
-- planned their query afresh on every call (EXECUTE, on purpose: a plan cached for a completion's
-- two rows took minutes on a recompute's 600,000, decision 0036), and the pool's
-- plan_cache_mode = force_custom_plan also re-planned their guard: about 1 ms of PostgreSQL time per
-- completion, more than running the queries. Now a small statement (at most 64 rows) runs the same
-- query as a static statement whose plan PL/pgSQL keeps for the session, with the function's own
-- plan_cache_mode = auto so that plan is reused; a larger one (a recompute batch) still plans its
-- query for its own row count. Both branches must stay the same query.
CREATE OR REPLACE FUNCTION sla_report_mark_inserted_clock_days() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = auto AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM sla_report_new_rows) THEN RETURN NULL; END IF;
  IF NOT EXISTS (SELECT FROM sla_report_new_rows OFFSET 64) THEN
  INSERT INTO sla_report_dirty_days (day)
  SELECT DISTINCT v.day FROM sla_report_new_rows r
  CROSS JOIN (SELECT mark_zone AS z FROM sla_report_summary_state WHERE singleton AND mark_zone IS NOT NULL) st
  LEFT JOIN merchants m ON m.id = r.merchant_id
  CROSS JOIN LATERAL (VALUES
    ((r.completed_at AT TIME ZONE st.z)::date),
    (CASE WHEN r.completed_at IS NULL THEN (r.due_at AT TIME ZONE st.z)::date END),
    ((m.created_at AT TIME ZONE st.z)::date)) v(day)
  WHERE v.day IS NOT NULL;
    RETURN NULL;
  END IF;
  EXECUTE $q$
  INSERT INTO sla_report_dirty_days (day)
  SELECT DISTINCT v.day FROM sla_report_new_rows r
  CROSS JOIN (SELECT mark_zone AS z FROM sla_report_summary_state WHERE singleton AND mark_zone IS NOT NULL) st
  LEFT JOIN merchants m ON m.id = r.merchant_id
  CROSS JOIN LATERAL (VALUES
    ((r.completed_at AT TIME ZONE st.z)::date),
    (CASE WHEN r.completed_at IS NULL THEN (r.due_at AT TIME ZONE st.z)::date END),
    ((m.created_at AT TIME ZONE st.z)::date)) v(day)
  WHERE v.day IS NOT NULL$q$;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sla_report_mark_deleted_clock_days() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = auto AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM sla_report_old_rows) THEN RETURN NULL; END IF;
  IF NOT EXISTS (SELECT FROM sla_report_old_rows OFFSET 64) THEN
  INSERT INTO sla_report_dirty_days (day)
  SELECT DISTINCT v.day FROM sla_report_old_rows r
  CROSS JOIN (SELECT mark_zone AS z FROM sla_report_summary_state WHERE singleton AND mark_zone IS NOT NULL) st
  LEFT JOIN merchants m ON m.id = r.merchant_id
  CROSS JOIN LATERAL (VALUES
    ((r.completed_at AT TIME ZONE st.z)::date),
    (CASE WHEN r.completed_at IS NULL THEN (r.due_at AT TIME ZONE st.z)::date END),
    ((m.created_at AT TIME ZONE st.z)::date)) v(day)
  WHERE v.day IS NOT NULL;
    RETURN NULL;
  END IF;
  EXECUTE $q$
  INSERT INTO sla_report_dirty_days (day)
  SELECT DISTINCT v.day FROM sla_report_old_rows r
  CROSS JOIN (SELECT mark_zone AS z FROM sla_report_summary_state WHERE singleton AND mark_zone IS NOT NULL) st
  LEFT JOIN merchants m ON m.id = r.merchant_id
  CROSS JOIN LATERAL (VALUES
    ((r.completed_at AT TIME ZONE st.z)::date),
    (CASE WHEN r.completed_at IS NULL THEN (r.due_at AT TIME ZONE st.z)::date END),
    ((m.created_at AT TIME ZONE st.z)::date)) v(day)
  WHERE v.day IS NOT NULL$q$;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sla_report_mark_updated_clock_days() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = auto AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM sla_report_new_rows) THEN RETURN NULL; END IF;
  IF NOT EXISTS (SELECT FROM sla_report_new_rows OFFSET 64) THEN
  INSERT INTO sla_report_dirty_days (day)
  SELECT DISTINCT v.day FROM sla_report_old_rows o
  JOIN sla_report_new_rows n USING (merchant_id, step)
  CROSS JOIN (SELECT mark_zone AS z FROM sla_report_summary_state WHERE singleton AND mark_zone IS NOT NULL) st
  CROSS JOIN LATERAL (SELECT o.* UNION ALL SELECT n.*) r
  LEFT JOIN merchants m ON m.id = r.merchant_id
  CROSS JOIN LATERAL (VALUES
    ((r.completed_at AT TIME ZONE st.z)::date),
    (CASE WHEN r.completed_at IS NULL THEN (r.due_at AT TIME ZONE st.z)::date END),
    ((m.created_at AT TIME ZONE st.z)::date)) v(day)
  WHERE v.day IS NOT NULL
    AND ((o.completed_at, o.cancelled_at, o.due_at, o.policy_version, o.cause, o.owner, o.target_seconds)
        IS DISTINCT FROM (n.completed_at, n.cancelled_at, n.due_at, n.policy_version, n.cause, n.owner, n.target_seconds)
      OR (n.completed_at IS NOT NULL AND (o.agency_work_seconds, o.merchant_wait_seconds, o.hold_seconds)
        IS DISTINCT FROM (n.agency_work_seconds, n.merchant_wait_seconds, n.hold_seconds)));
    RETURN NULL;
  END IF;
  EXECUTE $q$
  INSERT INTO sla_report_dirty_days (day)
  SELECT DISTINCT v.day FROM sla_report_old_rows o
  JOIN sla_report_new_rows n USING (merchant_id, step)
  CROSS JOIN (SELECT mark_zone AS z FROM sla_report_summary_state WHERE singleton AND mark_zone IS NOT NULL) st
  CROSS JOIN LATERAL (SELECT o.* UNION ALL SELECT n.*) r
  LEFT JOIN merchants m ON m.id = r.merchant_id
  CROSS JOIN LATERAL (VALUES
    ((r.completed_at AT TIME ZONE st.z)::date),
    (CASE WHEN r.completed_at IS NULL THEN (r.due_at AT TIME ZONE st.z)::date END),
    ((m.created_at AT TIME ZONE st.z)::date)) v(day)
  WHERE v.day IS NOT NULL
    AND ((o.completed_at, o.cancelled_at, o.due_at, o.policy_version, o.cause, o.owner, o.target_seconds)
        IS DISTINCT FROM (n.completed_at, n.cancelled_at, n.due_at, n.policy_version, n.cause, n.owner, n.target_seconds)
      OR (n.completed_at IS NOT NULL AND (o.agency_work_seconds, o.merchant_wait_seconds, o.hold_seconds)
        IS DISTINCT FROM (n.agency_work_seconds, n.merchant_wait_seconds, n.hold_seconds)))$q$;
  RETURN NULL;
END $$;