-- The SLA report's per-day summary (docs/decisions/0030-sla-report-summary.md): derived data the
-- app role rebuilds, and the dirty days the triggers below append to while clocks are written.
GRANT SELECT, INSERT, UPDATE, DELETE ON sla_report_outcome_days, sla_report_time_days, sla_report_funnel_days, sla_report_dirty_days, sla_report_summary_state TO actenzo_app;
--> statement-breakpoint
INSERT INTO sla_report_summary_state (singleton) VALUES (true) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Statement-level with transition tables: one insert per write statement (a step completion's
-- upsert, a recompute batch), whatever its row count. The days a clock row counts in (in the
-- summary's zone): the day its step was completed, the due day of a step cancelled while open (a
-- breach decided then), and its merchant's sign-up day (the funnel). An update marks only rows
-- whose reported figures changed (an open step's running seconds are not in the summary), with
-- their old and new days. A merchant deleted in the same statement is covered by the merchants
-- trigger below. (The transition tables are only visible in this function's own queries.)
CREATE FUNCTION sla_report_mark_clock_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  z text := (SELECT mark_zone FROM sla_report_summary_state WHERE singleton);
  src text;
BEGIN
  IF z IS NULL THEN RETURN NULL; END IF;
  src := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT * FROM sla_report_new_rows'
    WHEN 'DELETE' THEN 'SELECT * FROM sla_report_old_rows'
    ELSE $s$
      SELECT x.* FROM sla_report_old_rows o JOIN sla_report_new_rows n USING (merchant_id, step)
      CROSS JOIN LATERAL (SELECT o.* UNION ALL SELECT n.*) x
      WHERE (o.completed_at, o.cancelled_at, o.due_at, o.policy_version, o.cause, o.owner, o.target_seconds)
          IS DISTINCT FROM (n.completed_at, n.cancelled_at, n.due_at, n.policy_version, n.cause, n.owner, n.target_seconds)
        OR (n.completed_at IS NOT NULL AND (o.agency_work_seconds, o.merchant_wait_seconds, o.hold_seconds)
          IS DISTINCT FROM (n.agency_work_seconds, n.merchant_wait_seconds, n.hold_seconds))$s$ END;
  EXECUTE format($q$
    INSERT INTO sla_report_dirty_days (day)
    SELECT DISTINCT v.day FROM (%s) r
    LEFT JOIN merchants m ON m.id = r.merchant_id
    CROSS JOIN LATERAL (VALUES
      ((r.completed_at AT TIME ZONE $1)::date),
      (CASE WHEN r.completed_at IS NULL AND r.cancelled_at IS NOT NULL THEN (r.due_at AT TIME ZONE $1)::date END),
      ((m.created_at AT TIME ZONE $1)::date)) v(day)
    WHERE v.day IS NOT NULL$q$, src) USING z;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sla_report_clocks_inserted AFTER INSERT ON sla_step_clocks
  REFERENCING NEW TABLE AS sla_report_new_rows FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark_clock_days();
--> statement-breakpoint
CREATE TRIGGER sla_report_clocks_updated AFTER UPDATE ON sla_step_clocks
  REFERENCING OLD TABLE AS sla_report_old_rows NEW TABLE AS sla_report_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark_clock_days();
--> statement-breakpoint
CREATE TRIGGER sla_report_clocks_deleted AFTER DELETE ON sla_step_clocks
  REFERENCING OLD TABLE AS sla_report_old_rows FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark_clock_days();
--> statement-breakpoint
-- A merchant's segment (specialist, cluster, country, sign-up week) moves all its clock rows to
-- another segment: every day they count in is dirty. Before delete, while its clocks still exist.
CREATE FUNCTION sla_report_mark_merchant_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  z text := (SELECT mark_zone FROM sla_report_summary_state WHERE singleton);
BEGIN
  IF z IS NOT NULL THEN
    INSERT INTO sla_report_dirty_days (day)
    SELECT DISTINCT v.day FROM sla_step_clocks c
    CROSS JOIN LATERAL (VALUES
      ((c.completed_at AT TIME ZONE z)::date),
      (CASE WHEN c.completed_at IS NULL AND c.cancelled_at IS NOT NULL THEN (c.due_at AT TIME ZONE z)::date END),
      ((OLD.created_at AT TIME ZONE z)::date),
      ((NEW.created_at AT TIME ZONE z)::date)) v(day)
    WHERE c.merchant_id = OLD.id AND v.day IS NOT NULL;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER sla_report_merchant_segment_changed AFTER UPDATE OF specialist_id, cluster, country, created_at ON merchants
  FOR EACH ROW WHEN (
    (OLD.specialist_id, OLD.cluster, OLD.country, OLD.created_at)
      IS DISTINCT FROM (NEW.specialist_id, NEW.cluster, NEW.country, NEW.created_at))
  EXECUTE FUNCTION sla_report_mark_merchant_days();
--> statement-breakpoint
CREATE TRIGGER sla_report_merchant_deleted BEFORE DELETE ON merchants
  FOR EACH ROW EXECUTE FUNCTION sla_report_mark_merchant_days();
--> statement-breakpoint
-- Staff digests (docs/decisions/0032-staff-digests.md): the app reads and writes its staff's digest
-- choices; a staff member's row is removed with the account (cascade), never by the app.
GRANT SELECT, INSERT, UPDATE ON staff_digest_preferences TO actenzo_app;
--> statement-breakpoint
-- Escalation tasks (decision 0033): the app role reads, creates and closes them; a task is never
-- deleted by the app (it goes with its merchant through the foreign key's cascade).
GRANT SELECT, INSERT, UPDATE ON staff_tasks TO actenzo_app;
--> statement-breakpoint
-- The queue's Waiting sort reads merchants.waiting_anchor_at, which every clock refresh writes.
-- Until the first full recompute (Reports → Recompute, or the sla-recompute job) fills it in the
-- owner's calendar, a running step's entry is the best available anchor (the old calendar order).
UPDATE "merchants" SET "waiting_anchor_at" = "stage_entered_at"
WHERE "current_stage" IS NOT NULL AND NOT "on_hold" AND "cancelled_at" IS NULL;
