CREATE TYPE "public"."intake_match" AS ENUM('reply_address', 'contact_email', 'shop_domain', 'assigned');--> statement-breakpoint
CREATE TYPE "public"."intake_removal" AS ENUM('processed', 'removed', 'redacted', 'left');--> statement-breakpoint
CREATE TYPE "public"."intake_status" AS ENUM('claimed', 'processed', 'triage', 'assigned', 'dismissed');--> statement-breakpoint
ALTER TYPE "public"."merchant_event_type" ADD VALUE 'merchant_replied';--> statement-breakpoint
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
ALTER TABLE "intake_messages" ADD CONSTRAINT "intake_messages_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_messages" ADD CONSTRAINT "intake_messages_resolved_by_staff_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intake_messages_uid_idx" ON "intake_messages" USING btree ("mailbox","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "intake_messages_status_created_idx" ON "intake_messages" USING btree ("status","created_at");