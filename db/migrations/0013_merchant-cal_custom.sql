-- The queue's Waiting sort reads merchants.waiting_anchor_at, which every clock refresh writes.
-- Until the first full recompute (Reports → Recompute, or the sla-recompute job) fills it in the
-- owner's calendar, a running step's entry is the best available anchor (the old calendar order).
UPDATE "merchants" SET "waiting_anchor_at" = "stage_entered_at"
WHERE "current_stage" IS NOT NULL AND NOT "on_hold" AND "cancelled_at" IS NULL;
