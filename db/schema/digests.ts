import { boolean, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./staff-users";

/**
 * A staff member's digest choices (lib/digests, the /profile page). No row = both digests on: the
 * default is to receive them, and opting out writes the row.
 */
export const staffDigestPreferences = pgTable("staff_digest_preferences", {
  staffId: uuid()
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: "cascade" }),
  /** The morning digest of one's own merchants (working days, 08:00 in one's zone). */
  daily: boolean().notNull().default(true),
  /** The lead's weekly list of stalled merchants and SLA breaches (first working day of the week). */
  weekly: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type StaffDigestPreferences = typeof staffDigestPreferences.$inferSelect;
