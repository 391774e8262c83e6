ALTER TYPE "public"."outbox_kind" ADD VALUE 'daily_digest';--> statement-breakpoint
ALTER TYPE "public"."outbox_kind" ADD VALUE 'weekly_digest';--> statement-breakpoint
CREATE TABLE "staff_digest_preferences" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"daily" boolean DEFAULT true NOT NULL,
	"weekly" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_emails" ALTER COLUMN "merchant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "staff_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_digest_preferences" ADD CONSTRAINT "staff_digest_preferences_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_emails_staff_created_idx" ON "outbox_emails" USING btree ("staff_id","created_at" DESC NULLS LAST) WHERE "outbox_emails"."staff_id" is not null;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_one_recipient" CHECK (("outbox_emails"."merchant_id" is null) <> ("outbox_emails"."staff_id" is null));