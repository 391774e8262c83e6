CREATE TYPE "public"."task_close_reason" AS ENUM('done', 'step_done', 'cancelled', 'on_hold');--> statement-breakpoint
CREATE TYPE "public"."task_level" AS ENUM('specialist', 'lead');--> statement-breakpoint
ALTER TYPE "public"."outbox_kind" ADD VALUE 'daily_digest';--> statement-breakpoint
ALTER TYPE "public"."outbox_kind" ADD VALUE 'weekly_digest';--> statement-breakpoint
CREATE TABLE "sla_report_dirty_days" (
	"day" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_report_funnel_days" (
	"day" date NOT NULL,
	"step" text NOT NULL,
	"dim" text NOT NULL,
	"val" text NOT NULL,
	"reached" integer NOT NULL,
	"completed" integer NOT NULL,
	"dropped" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_report_outcome_days" (
	"day" date NOT NULL,
	"step" text NOT NULL,
	"dim" text NOT NULL,
	"val" text NOT NULL,
	"policy_version" integer NOT NULL,
	"cause" text NOT NULL,
	"breached" boolean NOT NULL,
	"still_open" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_report_summary_state" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"mark_zone" text,
	"zone" text,
	"refreshed_at" timestamp with time zone,
	"rebuilt_at" timestamp with time zone,
	CONSTRAINT "sla_report_summary_state_singleton" CHECK ("sla_report_summary_state"."singleton")
);
--> statement-breakpoint
CREATE TABLE "sla_report_time_days" (
	"day" date NOT NULL,
	"step" text NOT NULL,
	"dim" text NOT NULL,
	"val" text NOT NULL,
	"metric" smallint NOT NULL,
	"bucket" integer NOT NULL,
	"n" integer NOT NULL,
	"lo" integer NOT NULL,
	"hi" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_digest_preferences" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"daily" boolean DEFAULT true NOT NULL,
	"weekly" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"stage" "stage" NOT NULL,
	"step_entered_at" timestamp with time zone NOT NULL,
	"level" "task_level" NOT NULL,
	"assignee_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"close_reason" "task_close_reason",
	"outcome" text
);
--> statement-breakpoint
DROP INDEX "merchants_queue_specialist_waiting_idx";--> statement-breakpoint
DROP INDEX "merchants_queue_waiting_idx";--> statement-breakpoint
ALTER TABLE "outbox_emails" ALTER COLUMN "merchant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "working_hours_start" integer;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "working_hours_end" integer;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "working_days" text[];--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "waiting_anchor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "staff_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_digest_preferences" ADD CONSTRAINT "staff_digest_preferences_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_tasks" ADD CONSTRAINT "staff_tasks_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_tasks" ADD CONSTRAINT "staff_tasks_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_tasks" ADD CONSTRAINT "staff_tasks_done_by_staff_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_report_funnel_days_segment_idx" ON "sla_report_funnel_days" USING btree ("dim","val","day","step","reached","completed","dropped");--> statement-breakpoint
CREATE INDEX "sla_report_outcome_days_segment_idx" ON "sla_report_outcome_days" USING btree ("dim","val","day","step","policy_version","cause","breached","still_open","n");--> statement-breakpoint
CREATE INDEX "sla_report_time_days_segment_idx" ON "sla_report_time_days" USING btree ("dim","val","day","step","metric","bucket","n","lo","hi");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_tasks_occurrence_level_idx" ON "staff_tasks" USING btree ("merchant_id","stage","step_entered_at","level");--> statement-breakpoint
CREATE INDEX "staff_tasks_open_assignee_idx" ON "staff_tasks" USING btree ("assignee_id","created_at") WHERE "staff_tasks"."done_at" is null;--> statement-breakpoint
CREATE INDEX "staff_tasks_open_merchant_idx" ON "staff_tasks" USING btree ("merchant_id") WHERE "staff_tasks"."done_at" is null;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merchants_open_specialist_idx" ON "merchants" USING btree ("specialist_id","id") WHERE "merchants"."cancelled_at" is null and "merchants"."current_stage" is not null;--> statement-breakpoint
CREATE INDEX "sla_step_clocks_open_actenzo_idx" ON "sla_step_clocks" USING btree ("due_at","owner","step","policy_version","cause","target_seconds","warn_at","merchant_id") WHERE "sla_step_clocks"."completed_at" is null and "sla_step_clocks"."cancelled_at" is null and "sla_step_clocks"."owner" <> 'merchant';--> statement-breakpoint
CREATE INDEX "sla_step_clocks_cancelled_due_idx" ON "sla_step_clocks" USING btree ("due_at") WHERE "sla_step_clocks"."completed_at" is null and "sla_step_clocks"."cancelled_at" is not null;--> statement-breakpoint
CREATE INDEX "outbox_emails_staff_created_idx" ON "outbox_emails" USING btree ("staff_id","created_at" DESC NULLS LAST) WHERE "outbox_emails"."staff_id" is not null;--> statement-breakpoint
CREATE INDEX "merchants_queue_specialist_waiting_idx" ON "merchants" USING btree ("specialist_id","waiting_anchor_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_queue_waiting_idx" ON "merchants" USING btree ("waiting_anchor_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_working_hours_check" CHECK (("merchants"."working_hours_start" is null and "merchants"."working_hours_end" is null) or ("merchants"."working_hours_start" >= 0 and "merchants"."working_hours_start" < "merchants"."working_hours_end" and "merchants"."working_hours_end" <= 1440));--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_working_days_check" CHECK ("merchants"."working_days" is null or cardinality("merchants"."working_days") > 0);--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_one_recipient" CHECK (("outbox_emails"."merchant_id" is null) <> ("outbox_emails"."staff_id" is null));