CREATE TYPE "public"."cluster" AS ENUM('eu1', 'us1');--> statement-breakpoint
CREATE TYPE "public"."owner" AS ENUM('merchant', 'agency');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('specialist', 'lead', 'admin');--> statement-breakpoint
CREATE TYPE "public"."stage" AS ENUM('signed_up', 'user_created', 'user_approved', 'password_reset', 'key_received', 'secret_received', 'key_verified', 'live');--> statement-breakpoint
CREATE TYPE "public"."merchant_event_type" AS ENUM('signed_up', 'stage_completed', 'stage_undone', 'assigned', 'held', 'resumed', 'cancelled', 'note', 'credential_recorded', 'verification', 'rekey_opened', 'health_alert', 'connect_link', 'reminder_sent');--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company" text NOT NULL,
	"shop_name" text NOT NULL,
	"shop_domain" text NOT NULL,
	"cluster" "cluster" NOT NULL,
	"language" char(2) NOT NULL,
	"country" char(2) NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"specialist_id" uuid,
	"current_stage" "stage",
	"ball_in_court" "owner",
	"merchant_action_required" text,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"on_hold" boolean DEFAULT false NOT NULL,
	"hold_reason" text,
	"hold_until" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "merchants_shopDomain_unique" UNIQUE("shop_domain")
);
--> statement-breakpoint
CREATE TABLE "merchant_steps" (
	"merchant_id" uuid NOT NULL,
	"stage" "stage" NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_by" uuid,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "merchant_steps_merchant_id_stage_pk" PRIMARY KEY("merchant_id","stage")
);
--> statement-breakpoint
CREATE TABLE "merchant_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" uuid NOT NULL,
	"actor_id" uuid,
	"type" "merchant_event_type" NOT NULL,
	"stage" "stage",
	"evidence" jsonb,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_specialist_id_staff_users_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_steps" ADD CONSTRAINT "merchant_steps_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_steps" ADD CONSTRAINT "merchant_steps_completed_by_staff_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_events" ADD CONSTRAINT "merchant_events_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_events" ADD CONSTRAINT "merchant_events_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_users_role_active_idx" ON "staff_users" USING btree ("role","active");--> statement-breakpoint
CREATE INDEX "merchants_specialist_idx" ON "merchants" USING btree ("specialist_id");--> statement-breakpoint
CREATE INDEX "merchants_stage_idx" ON "merchants" USING btree ("current_stage");--> statement-breakpoint
CREATE INDEX "merchant_events_merchant_created_idx" ON "merchant_events" USING btree ("merchant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","created_at" DESC NULLS LAST);