CREATE TYPE "public"."credential_status" AS ENUM('collecting', 'verifying', 'active', 'rejected', 'superseded');--> statement-breakpoint
CREATE TABLE "merchant_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"status" "credential_status" DEFAULT 'collecting' NOT NULL,
	"key_ciphertext" text,
	"secret_ciphertext" text,
	"key_fingerprint" text,
	"key_received_at" timestamp with time zone,
	"secret_received_at" timestamp with time zone,
	"cluster" "cluster",
	"language" char(2) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "connect_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"spent_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"credential_id" uuid
);
--> statement-breakpoint
ALTER TABLE "merchant_credentials" ADD CONSTRAINT "merchant_credentials_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_links" ADD CONSTRAINT "connect_links_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_links" ADD CONSTRAINT "connect_links_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_links" ADD CONSTRAINT "connect_links_credential_id_merchant_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."merchant_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_credentials_one_active_idx" ON "merchant_credentials" USING btree ("merchant_id") WHERE "merchant_credentials"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_credentials_one_pending_idx" ON "merchant_credentials" USING btree ("merchant_id") WHERE "merchant_credentials"."status" in ('collecting', 'verifying', 'rejected');--> statement-breakpoint
CREATE INDEX "merchant_credentials_merchant_created_idx" ON "merchant_credentials" USING btree ("merchant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "connect_links_token_hash_idx" ON "connect_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "connect_links_merchant_created_idx" ON "connect_links" USING btree ("merchant_id","created_at" DESC NULLS LAST);