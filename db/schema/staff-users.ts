import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
     * Created by a first company sign-in (OIDC) without a role-granting group: cannot use the
     * console until an admin approves the account on /admin/staff (lib/staff/approve-staff.ts).
     */
    approvalPending: boolean().notNull().default(false),
    /**
     * The company identity (OIDC `iss` + `sub`) this account signs in with. The subject, not the
     * email, is the link: an address changed at the identity provider does not make a second account.
     */
    oidcIssuer: text(),
    oidcSubject: text(),
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
    // Company sign-in finds the account by `where oidc_issuer = ? and oidc_subject = ?`; one account per identity.
    uniqueIndex("staff_users_oidc_identity_idx").on(t.oidcIssuer, t.oidcSubject),
  ],
);

export type StaffUser = typeof staffUsers.$inferSelect;
