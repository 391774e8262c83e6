-- Reminder sequences are updated in place at every reminder (sent, last_action_at; neither is
-- indexed). Half-empty pages keep the new version on the same page: a HOT update, no new primary
-- key entry, less WAL. The planner's week-later pass of 100,000 merchants: 97 % of its updates
-- HOT instead of none (decision 0037). Existing pages fill to the new factor as they are rewritten;
-- setting it again is harmless.
ALTER TABLE "reminder_sequences" SET (fillfactor = 50);
