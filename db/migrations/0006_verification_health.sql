CREATE TYPE "public"."verification_kind" AS ENUM('full', 'light');--> statement-breakpoint
CREATE TYPE "public"."verification_trigger" AS ENUM('halves_complete', 'verify_now', 'connect_link', 'health');--> statement-breakpoint
CREATE TYPE "public"."verification_verdict" AS ENUM('healthy', 'incomplete_permissions', 'invalid_credentials', 'rate_limited', 'unreachable');--> statement-breakpoint
CREATE TYPE "public"."health_failure_kind" AS ENUM('invalid_credentials', 'permission_gap', 'rate_limited', 'unreachable');--> statement-breakpoint
CREATE TYPE "public"."key_health_state" AS ENUM('no_key', 'key_only', 'secret_only', 'rejected', 'permission_gap', 'rate_limited', 'platform_error', 'healthy');--> statement-breakpoint
CREATE TABLE "verification_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"credential_id" uuid NOT NULL,
	"kind" "verification_kind" NOT NULL,
	"trigger" "verification_trigger" NOT NULL,
	"verdict" "verification_verdict" NOT NULL,
	"cluster" "cluster",
	"grants" jsonb,
	"missing" text[] DEFAULT '{}'::text[] NOT NULL,
	"rate_limit" jsonb,
	"requests" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"error" text,
	"run_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_health" (
	"merchant_id" uuid PRIMARY KEY NOT NULL,
	"credential_id" uuid,
	"state" "key_health_state" NOT NULL,
	"cluster" "cluster",
	"last_check_at" timestamp with time zone,
	"last_check_kind" "verification_kind",
	"last_healthy_at" timestamp with time zone,
	"next_light_check_at" timestamp with time zone,
	"next_full_check_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_failure_kind" "health_failure_kind",
	"backoff_level" integer DEFAULT 0 NOT NULL,
	"last_rate_limit" jsonb,
	"missing" text[] DEFAULT '{}'::text[] NOT NULL,
	"alert_open" boolean DEFAULT false NOT NULL,
	"alert_opened_at" timestamp with time zone,
	"alert_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"checks" integer NOT NULL,
	"failures" integer NOT NULL,
	"peak_failures" integer NOT NULL,
	"summary" text NOT NULL,
	"last_evaluated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "verification_runs" ADD CONSTRAINT "verification_runs_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_runs" ADD CONSTRAINT "verification_runs_credential_id_merchant_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."merchant_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_health" ADD CONSTRAINT "key_health_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_health" ADD CONSTRAINT "key_health_credential_id_merchant_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."merchant_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_runs_merchant_created_idx" ON "verification_runs" USING btree ("merchant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "verification_runs_credential_run_key_idx" ON "verification_runs" USING btree ("credential_id","run_key") WHERE "verification_runs"."run_key" is not null;--> statement-breakpoint
CREATE INDEX "verification_runs_health_created_idx" ON "verification_runs" USING btree ("created_at") WHERE "verification_runs"."trigger" = 'health';--> statement-breakpoint
CREATE INDEX "key_health_next_check_idx" ON "key_health" USING btree ("next_check_at") WHERE "key_health"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "key_health_state_idx" ON "key_health" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_incidents_one_open_idx" ON "platform_incidents" USING btree ((true)) WHERE "platform_incidents"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "platform_incidents_opened_idx" ON "platform_incidents" USING btree ("opened_at" DESC NULLS LAST);