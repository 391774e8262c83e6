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
ALTER TABLE "sla_clock_recomputes" ADD CONSTRAINT "sla_clock_recomputes_requested_by_staff_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_step_clocks" ADD CONSTRAINT "sla_step_clocks_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_clock_recomputes_started_idx" ON "sla_clock_recomputes" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sla_step_clocks_completed_idx" ON "sla_step_clocks" USING btree ("completed_at");--> statement-breakpoint
CREATE INDEX "sla_step_clocks_open_due_idx" ON "sla_step_clocks" USING btree ("due_at") WHERE "sla_step_clocks"."completed_at" is null and "sla_step_clocks"."cancelled_at" is null;