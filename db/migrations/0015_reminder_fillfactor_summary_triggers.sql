-- Reminder sequences are updated in place at every reminder (sent, last_action_at; neither is
-- indexed). Half-empty pages keep the new version on the same page: a HOT update, no new primary
-- key entry, less WAL. The planner's week-later pass of 100,000 merchants: 97 % of its updates
-- HOT instead of none (decision 0037). Existing pages fill to the new factor as they are rewritten;
-- setting it again is harmless.
ALTER TABLE "reminder_sequences" SET (fillfactor = 50);
--> statement-breakpoint
-- The report summary's dirty-day triggers on sla_step_clocks (decision 0030), one function per
-- operation (decision 0036): an empty transition table returns at once (a step completion's delete
-- of steps no longer reached, usually), the query text is a constant (the former single function
-- built it with format() per call), and the summary's zone is joined in the same query. The query
-- is still run with EXECUTE, so it is planned for each call's own row count: a static query's plan
-- is cached for the session, and one planned for a completion's two rows (nested loops) took
-- minutes on a recompute's 600,000. The days marked: a row's completion day, the due day of a step
-- not completed (cancelled, or open: the summary now keeps open steps past due as of its refresh),
-- and its merchant's sign-up day.
CREATE OR REPLACE FUNCTION sla_report_mark_inserted_clock_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM sla_report_new_rows) THEN RETURN NULL; END IF;
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
CREATE OR REPLACE FUNCTION sla_report_mark_deleted_clock_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM sla_report_old_rows) THEN RETURN NULL; END IF;
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
-- An update marks only rows whose reported figures changed (an open step's running seconds are
-- not in the summary), with both their old and their new days.
CREATE OR REPLACE FUNCTION sla_report_mark_updated_clock_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM sla_report_new_rows) THEN RETURN NULL; END IF;
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
--> statement-breakpoint
DROP TRIGGER IF EXISTS sla_report_clocks_inserted ON sla_step_clocks;
--> statement-breakpoint
CREATE TRIGGER sla_report_clocks_inserted AFTER INSERT ON sla_step_clocks
  REFERENCING NEW TABLE AS sla_report_new_rows FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark_inserted_clock_days();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sla_report_clocks_updated ON sla_step_clocks;
--> statement-breakpoint
CREATE TRIGGER sla_report_clocks_updated AFTER UPDATE ON sla_step_clocks
  REFERENCING OLD TABLE AS sla_report_old_rows NEW TABLE AS sla_report_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark_updated_clock_days();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sla_report_clocks_deleted ON sla_step_clocks;
--> statement-breakpoint
CREATE TRIGGER sla_report_clocks_deleted AFTER DELETE ON sla_step_clocks
  REFERENCING OLD TABLE AS sla_report_old_rows FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark_deleted_clock_days();
--> statement-breakpoint
DROP FUNCTION IF EXISTS sla_report_mark_clock_days();
--> statement-breakpoint
-- A merchant's segment change or deletion: every day its clock rows count in, now including the
-- due day of an open step (as above).
CREATE OR REPLACE FUNCTION sla_report_mark_merchant_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  z text := (SELECT mark_zone FROM sla_report_summary_state WHERE singleton);
BEGIN
  IF z IS NOT NULL THEN
    INSERT INTO sla_report_dirty_days (day)
    SELECT DISTINCT v.day FROM sla_step_clocks c
    CROSS JOIN LATERAL (VALUES
      ((c.completed_at AT TIME ZONE z)::date),
      (CASE WHEN c.completed_at IS NULL THEN (c.due_at AT TIME ZONE z)::date END),
      ((OLD.created_at AT TIME ZONE z)::date),
      ((NEW.created_at AT TIME ZONE z)::date)) v(day)
    WHERE c.merchant_id = OLD.id AND v.day IS NOT NULL;
  END IF;
  RETURN OLD;
END $$;
