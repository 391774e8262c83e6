ALTER TABLE "staff_users" ADD COLUMN "session_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "lightspeed_account_id" integer;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "lightspeed_shop_domain" text;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "lightspeed_identity_pinned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "shop_identity_review" jsonb;--> statement-breakpoint
ALTER TABLE "merchant_credentials" ADD COLUMN "gap_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "merchant_credentials" ADD COLUMN "next_recheck_at" timestamp with time zone;--> statement-breakpoint
-- Serves the permission-gap re-check sweep (lib/health/sweep-gap-rechecks.ts): pending pairs whose re-check is due.
CREATE INDEX "merchant_credentials_next_recheck_idx" ON "merchant_credentials" USING btree ("next_recheck_at") WHERE "merchant_credentials"."next_recheck_at" is not null;