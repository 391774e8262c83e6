ALTER TYPE "public"."merchant_event_type" ADD VALUE 'sla_warning';--> statement-breakpoint
CREATE TABLE "sla_agency_calendar" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL,
	"days" text[] DEFAULT '{mon,tue,wed,thu,fri}'::text[] NOT NULL,
	"hours_start" integer DEFAULT 540 NOT NULL,
	"hours_end" integer DEFAULT 1050 NOT NULL,
	"country" char(2) DEFAULT 'NL' NOT NULL,
	"closed_dates" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "sla_agency_calendar_singleton" CHECK ("sla_agency_calendar"."singleton"),
	CONSTRAINT "sla_agency_calendar_hours" CHECK ("sla_agency_calendar"."hours_start" >= 0 and "sla_agency_calendar"."hours_start" < "sla_agency_calendar"."hours_end" and "sla_agency_calendar"."hours_end" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"agency_targets" jsonb NOT NULL,
	"merchant_expected" jsonb NOT NULL,
	"end_to_end_seconds" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "sla_warn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sla_agency_calendar" ADD CONSTRAINT "sla_agency_calendar_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merchants_sla_due_idx" ON "merchants" USING btree ("sla_due_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_sla_warn_idx" ON "merchants" USING btree ("sla_warn_at") WHERE "merchants"."sla_warn_at" is not null;