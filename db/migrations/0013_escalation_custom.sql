-- Escalation tasks (decision 0033): the app role reads, creates and closes them; a task is never
-- deleted by the app (it goes with its merchant through the foreign key's cascade).
GRANT SELECT, INSERT, UPDATE ON staff_tasks TO actenzo_app;
