import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./staff-users";

/**
 * One-time set-password links sent to invited staff. Only the SHA-256 of the token is stored,
 * so a database leak does not hand out working links. A new invite for the same person
 * revokes the older ones (`revokedAt`), and accepting one sets `usedAt`.
 */
export const staffInvites = pgTable(
  "staff_invites",
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    /** hex SHA-256 of the token in the link; unique, it is how `/invite/[token]` finds the row. */
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Re-inviting revokes a person's open invites: `where staff_id = ? and used_at is null`.
    index("staff_invites_staff_idx").on(t.staffId),
  ],
);

export type StaffInvite = typeof staffInvites.$inferSelect;
