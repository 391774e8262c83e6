CREATE TABLE "merchant_active_counts" (
	"cluster" "cluster" PRIMARY KEY NOT NULL,
	"active" integer NOT NULL
);
--> statement-breakpoint
-- Kept by the triggers below in the same transaction as the change (decision 0045): /health
-- counts the merchants without a key as the active ones less those with a key, instead of
-- counting every merchant on every view. The application reads it and never writes it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "merchant_active_counts" FROM actenzo_app;--> statement-breakpoint
INSERT INTO "merchant_active_counts" ("cluster", "active")
SELECT "cluster", count(*) FROM "merchants" WHERE "cancelled_at" IS NULL GROUP BY "cluster";--> statement-breakpoint
-- Inserts and deletes, per statement (a bulk import or erasure adds up its rows once).
CREATE FUNCTION merchant_active_counts_by_statement() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO merchant_active_counts AS c (cluster, active)
    SELECT cluster, count(*) FROM merchant_active_counts_inserted WHERE cancelled_at IS NULL GROUP BY cluster
    ON CONFLICT (cluster) DO UPDATE SET active = c.active + excluded.active;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE merchant_active_counts c SET active = c.active - d.n
    FROM (SELECT cluster, count(*) AS n FROM merchant_active_counts_deleted WHERE cancelled_at IS NULL GROUP BY cluster) d
    WHERE c.cluster = d.cluster;
  ELSIF TG_OP = 'TRUNCATE' THEN
    DELETE FROM merchant_active_counts;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A cancellation or a change of cluster, per row; the WHEN clause keeps every other update of a
-- merchant (a step completion, its clocks) free of any trigger call.
CREATE FUNCTION merchant_active_counts_by_row() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF OLD.cancelled_at IS NULL THEN
    UPDATE merchant_active_counts SET active = active - 1 WHERE cluster = OLD.cluster;
  END IF;
  IF NEW.cancelled_at IS NULL THEN
    INSERT INTO merchant_active_counts AS c (cluster, active) VALUES (NEW.cluster, 1)
    ON CONFLICT (cluster) DO UPDATE SET active = c.active + 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER merchant_active_counts_insert AFTER INSERT ON merchants
REFERENCING NEW TABLE AS merchant_active_counts_inserted
FOR EACH STATEMENT EXECUTE FUNCTION merchant_active_counts_by_statement();--> statement-breakpoint
CREATE TRIGGER merchant_active_counts_delete AFTER DELETE ON merchants
REFERENCING OLD TABLE AS merchant_active_counts_deleted
FOR EACH STATEMENT EXECUTE FUNCTION merchant_active_counts_by_statement();--> statement-breakpoint
CREATE TRIGGER merchant_active_counts_truncate AFTER TRUNCATE ON merchants
FOR EACH STATEMENT EXECUTE FUNCTION merchant_active_counts_by_statement();--> statement-breakpoint
CREATE TRIGGER merchant_active_counts_update AFTER UPDATE OF cluster, cancelled_at ON merchants
FOR EACH ROW WHEN (OLD.cluster IS DISTINCT FROM NEW.cluster
  OR (OLD.cancelled_at IS NULL) IS DISTINCT FROM (NEW.cancelled_at IS NULL))
EXECUTE FUNCTION merchant_active_counts_by_row();
