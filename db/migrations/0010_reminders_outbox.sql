CREATE TYPE "public"."outbox_kind" AS ENUM('reminder', 'ask');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('planned', 'claimed', 'sent', 'failed', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."merchant_event_type" ADD VALUE 'reminder';--> statement-breakpoint
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
ALTER TABLE "merchant_page_links" ADD CONSTRAINT "merchant_page_links_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_reminder_settings" ADD CONSTRAINT "merchant_reminder_settings_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_policies" ADD CONSTRAINT "reminder_policies_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sequences" ADD CONSTRAINT "reminder_sequences_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_wording" ADD CONSTRAINT "reminder_wording_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_page_links_token_hash_idx" ON "merchant_page_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "merchant_page_links_merchant_idx" ON "merchant_page_links" USING btree ("merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_emails_dedupe_key_idx" ON "outbox_emails" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_emails_due_idx" ON "outbox_emails" USING btree ("due_at") WHERE "outbox_emails"."status" in ('planned', 'claimed');--> statement-breakpoint
CREATE INDEX "outbox_emails_merchant_created_idx" ON "outbox_emails" USING btree ("merchant_id","created_at" DESC NULLS LAST);