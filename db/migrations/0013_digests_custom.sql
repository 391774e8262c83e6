-- Staff digests (docs/decisions/0032-staff-digests.md): the app reads and writes its staff's digest
-- choices; a staff member's row is removed with the account (cascade), never by the app.
GRANT SELECT, INSERT, UPDATE ON staff_digest_preferences TO actenzo_app;
