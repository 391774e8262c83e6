-- The app role reads and rewrites the precomputed SLA clocks (derived data, not the record).
GRANT SELECT, INSERT, UPDATE, DELETE ON sla_step_clocks TO actenzo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sla_clock_recomputes TO actenzo_app;
