CREATE TYPE "public"."task_close_reason" AS ENUM('done', 'step_done', 'cancelled', 'on_hold');--> statement-breakpoint
CREATE TYPE "public"."task_level" AS ENUM('specialist', 'lead');--> statement-breakpoint
CREATE TABLE "staff_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"stage" "stage" NOT NULL,
	"step_entered_at" timestamp with time zone NOT NULL,
	"level" "task_level" NOT NULL,
	"assignee_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"close_reason" "task_close_reason",
	"outcome" text
);
--> statement-breakpoint
ALTER TABLE "staff_tasks" ADD CONSTRAINT "staff_tasks_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_tasks" ADD CONSTRAINT "staff_tasks_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_tasks" ADD CONSTRAINT "staff_tasks_done_by_staff_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_tasks_occurrence_level_idx" ON "staff_tasks" USING btree ("merchant_id","stage","step_entered_at","level");--> statement-breakpoint
CREATE INDEX "staff_tasks_open_assignee_idx" ON "staff_tasks" USING btree ("assignee_id","created_at") WHERE "staff_tasks"."done_at" is null;--> statement-breakpoint
CREATE INDEX "staff_tasks_open_merchant_idx" ON "staff_tasks" USING btree ("merchant_id") WHERE "staff_tasks"."done_at" is null;