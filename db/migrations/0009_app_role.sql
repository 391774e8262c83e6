-- The app's own login role (docs/decisions/0023-app-database-role-and-outages.md). Migrations
-- run as the owner (DATABASE_OWNER_URL); the app (DATABASE_URL) connects as actenzo_app, which may
-- read and write the working tables but never rewrite the record: audit_log, merchant_events and
-- verification_runs take INSERT and SELECT only. Roles are cluster-wide, so creating it tolerates
-- another database's migration creating it at the same moment.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'actenzo_app') THEN
    BEGIN
      CREATE ROLE actenzo_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END $$;
--> statement-breakpoint
-- Fail fast: a request never waits long on a slow statement or a held lock, and a session that
-- dies mid-transaction does not hold its locks for long. Set only when different: two databases
-- migrating at once would otherwise update the same pg_db_role_setting row concurrently.
DO $$
DECLARE
  wanted text[] := ARRAY['statement_timeout=5s', 'lock_timeout=3s', 'idle_in_transaction_session_timeout=30s'];
  current_config text[];
BEGIN
  SELECT s.setconfig INTO current_config FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
    WHERE r.rolname = 'actenzo_app' AND s.setdatabase = 0;
  IF current_config IS NULL OR NOT (current_config @> wanted) THEN
    ALTER ROLE actenzo_app SET statement_timeout = '5s';
    ALTER ROLE actenzo_app SET lock_timeout = '3s';
    ALTER ROLE actenzo_app SET idle_in_transaction_session_timeout = '30s';
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO actenzo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO actenzo_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO actenzo_app;
--> statement-breakpoint
-- Tables later migrations create get the same grants; a new append-only table must REVOKE below.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO actenzo_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO actenzo_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, merchant_events, verification_runs FROM actenzo_app;
--> statement-breakpoint
-- A second lock for everyone else, the owner included (a superuser ignores grants, and a
-- merchant's ON DELETE CASCADE runs with the owner's rights): rewriting history needs an explicit
-- `SET LOCAL actenzo.allow_history_rewrite = 'on'` inside the owner's transaction.
CREATE OR REPLACE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('actenzo.allow_history_rewrite', true), '') = 'on' THEN
    IF TG_LEVEL = 'STATEMENT' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% on % refused: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER merchant_events_append_only BEFORE UPDATE OR DELETE ON merchant_events FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER merchant_events_no_truncate BEFORE TRUNCATE ON merchant_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER verification_runs_append_only BEFORE UPDATE OR DELETE ON verification_runs FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER verification_runs_no_truncate BEFORE TRUNCATE ON verification_runs FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
