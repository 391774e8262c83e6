-- The mailbox intake's table for the app role (0009's default privileges cover it already; stated
-- here so the grant does not depend on which role created the table).
GRANT SELECT, INSERT, UPDATE, DELETE ON intake_messages TO actenzo_app;
