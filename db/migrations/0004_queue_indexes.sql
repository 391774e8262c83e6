CREATE INDEX "merchants_queue_specialist_waiting_idx" ON "merchants" USING btree ("specialist_id","stage_entered_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_queue_waiting_idx" ON "merchants" USING btree ("stage_entered_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_queue_ball_stage_idx" ON "merchants" USING btree ("ball_in_court","current_stage") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_queue_activity_idx" ON "merchants" USING btree ("last_activity_at","id") WHERE "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_queue_on_hold_idx" ON "merchants" USING btree ("cluster","company","id") WHERE "merchants"."on_hold" and "merchants"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "merchants_company_trgm_idx" ON "merchants" USING gin ("company" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "merchants_shop_domain_trgm_idx" ON "merchants" USING gin ("shop_domain" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "merchants_contact_email_trgm_idx" ON "merchants" USING gin ("contact_email" gin_trgm_ops);