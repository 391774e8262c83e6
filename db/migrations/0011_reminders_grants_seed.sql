-- Reminders: the app role's grants on the new tables (the default privileges of 0009 cover them
-- too; stated here so the tables do not depend on who ran that migration), and the default policy:
-- first reminder after 2 merchant business days in the step, then after 3 and 4 more, at most 3,
-- then the specialist, then the lead. key_verified covers "the merchant must act" on our step
-- (e.g. unticked permission checkboxes found by a verification).
GRANT SELECT, INSERT, UPDATE, DELETE ON reminder_policies, reminder_sequences, merchant_reminder_settings, outbox_emails, reminder_wording, merchant_page_links TO actenzo_app;
--> statement-breakpoint
INSERT INTO reminder_policies (stage, first_after_days, cadence_days, max_count) VALUES
  ('user_created', 2, '{3,4}', 3),
  ('user_approved', 2, '{3,4}', 3),
  ('key_received', 2, '{3,4}', 3),
  ('secret_received', 2, '{3,4}', 3),
  ('key_verified', 2, '{3,4}', 3)
ON CONFLICT (stage) DO NOTHING;
