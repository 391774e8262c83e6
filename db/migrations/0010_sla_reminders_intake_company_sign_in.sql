CREATE TYPE "public"."intake_match" AS ENUM('reply_address', 'contact_email', 'shop_domain', 'assigned');--> statement-breakpoint
CREATE TYPE "public"."intake_removal" AS ENUM('processed', 'removed', 'redacted', 'left');--> statement-breakpoint
CREATE TYPE "public"."intake_status" AS ENUM('claimed', 'processed', 'triage', 'assigned', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."outbox_kind" AS ENUM('reminder', 'ask');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('planned', 'claimed', 'sent', 'failed', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."merchant_event_type" ADD VALUE 'sla_warning';--> statement-breakpoint
ALTER TYPE "public"."merchant_event_type" ADD VALUE 'merchant_replied';--> statement-breakpoint
ALTER TYPE "public"."merchant_event_type" ADD VALUE 'reminder';--> statement-breakpoint
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
CREATE TABLE "intake_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mailbox" text NOT NULL,
	"uid_validity" bigint NOT NULL,
	"uid" bigint NOT NULL,
	"status" "intake_status" DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message_id" text,
	"from_address" text,
	"from_name" text,
	"subject" text,
	"sent_at" timestamp with time zone,
	"redacted_body" text,
	"merchant_id" uuid,
	"matched_by" "intake_match",
	"triage_reason" text,
	"tokens_ciphertext" text,
	"outcome" jsonb,
	"removal" "intake_removal",
	"resolved_by" uuid,
	"processed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_clock_recomputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" uuid,
	"job_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"merchants" integer DEFAULT 0 NOT NULL,
	"ok" boolean
);
--> statement-breakpoint
CREATE TABLE "sla_step_clocks" (
	"merchant_id" uuid NOT NULL,
	"step" text NOT NULL,
	"owner" text NOT NULL,
	"policy_version" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"agency_work_seconds" integer NOT NULL,
	"merchant_wait_seconds" integer NOT NULL,
	"hold_seconds" integer NOT NULL,
	"holds" jsonb NOT NULL,
	"target_seconds" integer,
	"warn_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"cause" text,
	"incident_seconds" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_step_clocks_merchant_id_step_pk" PRIMARY KEY("merchant_id","step")
);
--> statement-breakpoint
CREATE TABLE "merchant_page_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_opened_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "merchant_reminder_settings" (
	"merchant_id" uuid PRIMARY KEY NOT NULL,
	"snoozed_until" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"merchant_replied_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" "outbox_kind" NOT NULL,
	"merchant_id" uuid NOT NULL,
	"stage" "stage",
	"reminder_number" integer,
	"status" "outbox_status" DEFAULT 'planned' NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"lease_until" timestamp with time zone,
	"claim_token" uuid,
	"to_email" text,
	"language" char(2),
	"subject" text,
	"text_body" text,
	"html_body" text,
	"sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_policies" (
	"stage" "stage" PRIMARY KEY NOT NULL,
	"first_after_days" integer NOT NULL,
	"cadence_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"max_count" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_sequences" (
	"merchant_id" uuid NOT NULL,
	"stage" "stage" NOT NULL,
	"step_entered_at" timestamp with time zone NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"last_action_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"stopped_at" timestamp with time zone,
	"stop_reason" text,
	CONSTRAINT "reminder_sequences_merchant_id_stage_step_entered_at_pk" PRIMARY KEY("merchant_id","stage","step_entered_at")
);
--> statement-breakpoint
CREATE TABLE "reminder_wording" (
	"language" char(2) PRIMARY KEY NOT NULL,
	"intro" text,
	"closing" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "approval_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "oidc_issuer" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "sla_warn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sla_agency_calendar" ADD CONSTRAINT "sla_agency_calendar_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_messages" ADD CONSTRAINT "intake_messages_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_messages" ADD CONSTRAINT "intake_messages_resolved_by_staff_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clock_recomputes" ADD CONSTRAINT "sla_clock_recomputes_requested_by_staff_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_step_clocks" ADD CONSTRAINT "sla_step_clocks_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_page_links" ADD CONSTRAINT "merchant_page_links_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_reminder_settings" ADD CONSTRAINT "merchant_reminder_settings_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_policies" ADD CONSTRAINT "reminder_policies_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sequences" ADD CONSTRAINT "reminder_sequences_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_wording" ADD CONSTRAINT "reminder_wording_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intake_messages_uid_idx" ON "intake_messages" USING btree ("mailbox","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "intake_messages_status_created_idx" ON "intake_messages" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "sla_clock_recomputes_started_idx" ON "sla_clock_recomputes" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sla_step_clocks_completed_idx" ON "sla_step_clocks" USING btree ("completed_at");--> statement-breakpoint
CREATE INDEX "sla_step_clocks_open_due_idx" ON "sla_step_clocks" USING btree ("due_at") WHERE "sla_step_clocks"."completed_at" is null and "sla_step_clocks"."cancelled_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_page_links_token_hash_idx" ON "merchant_page_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "merchant_page_links_merchant_idx" ON "merchant_page_links" USING btree ("merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_emails_dedupe_key_idx" ON "outbox_emails" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_emails_due_idx" ON "outbox_emails" USING btree ("due_at") WHERE "outbox_emails"."status" in ('planned', 'claimed');--> statement-breakpoint
CREATE INDEX "outbox_emails_merchant_created_idx" ON "outbox_emails" USING btree ("merchant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_oidc_identity_idx" ON "staff_users" USING btree ("oidc_issuer","oidc_subject");--> statement-breakpoint
CREATE INDEX "merchants_sla_due_idx" ON "merchants" USING btree ("sla_due_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_queue_specialist_sla_idx" ON "merchants" USING btree ("specialist_id","sla_due_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_sla_warn_idx" ON "merchants" USING btree ("sla_warn_at") WHERE "merchants"."sla_warn_at" is not null;