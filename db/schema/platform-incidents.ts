import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Lightspeed itself failing for many merchants at once: one row per incident instead of an alert
 * per merchant. Opened by the health monitor when platform errors pass the threshold, closed when
 * checks succeed again.
 */
export const platformIncidents = pgTable(
  "platform_incidents",
  {
    id: uuid().primaryKey().defaultRandom(),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    /** The window that opened it: checks and platform errors in the 15 minutes before. */
    checks: integer().notNull(),
    failures: integer().notNull(),
    /** The worst window seen while open. */
    peakFailures: integer().notNull(),
    summary: text().notNull(),
    lastEvaluatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one open incident: two workers evaluating at once cannot open two.
    uniqueIndex("platform_incidents_one_open_idx")
      .on(sql`(true)`)
      .where(sql`${t.closedAt} is null`),
    // The console banner and the history read the newest incidents.
    index("platform_incidents_opened_idx").on(t.openedAt.desc()),
  ],
);

export type PlatformIncident = typeof platformIncidents.$inferSelect;
