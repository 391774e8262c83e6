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
CREATE INDEX "sla_report_funnel_days_segment_idx" ON "sla_report_funnel_days" USING btree ("dim","val","day","step","reached","completed","dropped");--> statement-breakpoint
CREATE INDEX "sla_report_outcome_days_segment_idx" ON "sla_report_outcome_days" USING btree ("dim","val","day","step","policy_version","cause","breached","still_open","n");--> statement-breakpoint
CREATE INDEX "sla_report_time_days_segment_idx" ON "sla_report_time_days" USING btree ("dim","val","day","step","metric","bucket","n","lo","hi");--> statement-breakpoint
CREATE INDEX "merchants_open_specialist_idx" ON "merchants" USING btree ("specialist_id","id") WHERE "merchants"."cancelled_at" is null and "merchants"."current_stage" is not null;--> statement-breakpoint
CREATE INDEX "sla_step_clocks_open_actenzo_idx" ON "sla_step_clocks" USING btree ("due_at","owner","step","policy_version","cause","target_seconds","warn_at","merchant_id") WHERE "sla_step_clocks"."completed_at" is null and "sla_step_clocks"."cancelled_at" is null and "sla_step_clocks"."owner" <> 'merchant';--> statement-breakpoint
CREATE INDEX "sla_step_clocks_cancelled_due_idx" ON "sla_step_clocks" USING btree ("due_at") WHERE "sla_step_clocks"."completed_at" is null and "sla_step_clocks"."cancelled_at" is not null;