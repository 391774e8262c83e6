DROP INDEX "merchants_queue_specialist_waiting_idx";--> statement-breakpoint
DROP INDEX "merchants_queue_waiting_idx";--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "working_hours_start" integer;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "working_hours_end" integer;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "working_days" text[];--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "waiting_anchor_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "merchants_queue_specialist_waiting_idx" ON "merchants" USING btree ("specialist_id","waiting_anchor_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_queue_waiting_idx" ON "merchants" USING btree ("waiting_anchor_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_working_hours_check" CHECK (("merchants"."working_hours_start" is null and "merchants"."working_hours_end" is null) or ("merchants"."working_hours_start" >= 0 and "merchants"."working_hours_start" < "merchants"."working_hours_end" and "merchants"."working_hours_end" <= 1440));--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_working_days_check" CHECK ("merchants"."working_days" is null or cardinality("merchants"."working_days") > 0);