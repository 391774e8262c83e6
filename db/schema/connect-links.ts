import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { merchantCredentials } from "./credentials";
import { merchants } from "./merchants";
import { staffUsers } from "./staff-users";

/**
 * One-time links (/connect/<token>) on which a merchant enters key and secret without emailing
 * them. The token itself is shown once to staff and never stored: only its sha-256 (hex).
 */
export const connectLinks = pgTable(
  "connect_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** Set when a submitted pair verified healthy; the link cannot be used again. */
    spentAt: timestamp({ withTimezone: true }),
    lastAttemptAt: timestamp({ withTimezone: true }),
    attemptCount: integer().notNull().default(0),
    /** The pair from the latest submission through this link. */
    credentialId: uuid().references(() => merchantCredentials.id, { onDelete: "set null" }),
  },
  (t) => [
    // The public page looks a link up by the hash of the token in its URL.
    uniqueIndex("connect_links_token_hash_idx").on(t.tokenHash),
    // The workspace lists a merchant's links, newest first.
    index("connect_links_merchant_created_idx").on(t.merchantId, t.createdAt.desc()),
  ],
);

export type ConnectLink = typeof connectLinks.$inferSelect;
