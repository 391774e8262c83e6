import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffRole } from "./enums";

/** Agency staff who sign in to the console. Emails are stored lower-cased. */
export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: staffRole().notNull(),
    /** argon2id hash; null until the invite is accepted. */
    passwordHash: text(),
    active: boolean().notNull().default(true),
    /**
     * Stamped into the session JWT at sign-in and compared on every request (lib/auth/load-actor.ts).
     * Bumped by sign-out, "sign out everywhere", deactivation, reactivation, role and password
     * changes, so every cookie issued before is refused from then on.
     */
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    /** IANA zone every time is shown and typed in (decision 0016); null = the agency's AGENCY_TIME_ZONE. */
    timeZone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Specialist pickers and the staff admin list filter on role and active.
    index("staff_users_role_active_idx").on(t.role, t.active),
  ],
);

export type StaffUser = typeof staffUsers.$inferSelect;
