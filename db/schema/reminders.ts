import { sql } from "drizzle-orm";
import {
  char,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { OUTBOX_KINDS, OUTBOX_STATUSES } from "@/db/vocabulary/reminders";
import { stage } from "./enums";
import { merchants } from "./merchants";
import { staffUsers } from "./staff-users";

/** The reminder policy per merchant step (lib/reminders/policy.ts); seeded, edited by leads/admins. */
export const reminderPolicies = pgTable("reminder_policies", {
  stage: stage().primaryKey(),
  firstAfterDays: integer().notNull(),
  /** Business days between later reminders; the last one repeats. */
  cadenceDays: integer()
    .array()
    .notNull()
    .default(sql`'{}'::integer[]`),
  maxCount: integer().notNull(),
  updatedBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One reminder sequence per merchant step occurrence (a step reopened by undo starts a new one):
 * how many reminders went, the last reminder or escalation, and why it stopped. Stored with
 * fillfactor 50 (custom migration 0014; drizzle has no table storage options) so the update at each
 * reminder stays on its page.
 */
export const reminderSequences = pgTable(
  "reminder_sequences",
  {
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    stage: stage().notNull(),
    stepEnteredAt: timestamp({ withTimezone: true }).notNull(),
    sent: integer().notNull().default(0),
    lastActionAt: timestamp({ withTimezone: true }),
    escalationLevel: integer().notNull().default(0),
    stoppedAt: timestamp({ withTimezone: true }),
    stopReason: text(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.stage, t.stepEnteredAt] })],
);

/** What the merchant (signed links) or its specialist said about reminders. One row per merchant. */
export const merchantReminderSettings = pgTable("merchant_reminder_settings", {
  merchantId: uuid()
    .primaryKey()
    .references(() => merchants.id, { onDelete: "cascade" }),
  snoozedUntil: timestamp({ withTimezone: true }),
  unsubscribedAt: timestamp({ withTimezone: true }),
  /** A specialist marked that the merchant replied; stops the sequences of steps begun before it. */
  merchantRepliedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const outboxStatus = pgEnum("outbox_status", OUTBOX_STATUSES);
export const outboxKind = pgEnum("outbox_kind", OUTBOX_KINDS);

/**
 * The transactional outbox: a row per email to send, written in the transaction that decides it;
 * the mailer claims it with a lease, sends it, and marks it sent (decision 0024).
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    /**
     * reminder:<merchant>:<step>:<step start epoch ms>:<n>, ask:<merchant>:<uuid>, or
     * digest:<staff>:daily:<local date> / digest:<staff>:weekly:<ISO week>: one email per key.
     */
    dedupeKey: text().notNull(),
    kind: outboxKind().notNull(),
    /** The merchant a reminder goes to; null for a staff email (a digest). */
    merchantId: uuid().references(() => merchants.id, { onDelete: "cascade" }),
    /** The staff member a digest goes to (its content is stored when planned); null for a reminder. */
    staffId: uuid().references(() => staffUsers.id, { onDelete: "cascade" }),
    stage: stage(),
    reminderNumber: integer(),
    status: outboxStatus().notNull().default("planned"),
    dueAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    leaseUntil: timestamp({ withTimezone: true }),
    claimToken: uuid(),
    toEmail: text(),
    language: char({ length: 2 }),
    subject: text(),
    textBody: text(),
    htmlBody: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outbox_emails_dedupe_key_idx").on(t.dedupeKey),
    // The mail sweep: planned rows due now, and claims whose lease ran out.
    index("outbox_emails_due_idx")
      .on(t.dueAt)
      .where(sql`${t.status} in ('planned', 'claimed')`),
    // The workspace preview and history: a merchant's emails, newest first.
    index("outbox_emails_merchant_created_idx").on(t.merchantId, t.createdAt.desc()),
    // A digest's "since your last digest": a staff member's emails, newest first.
    index("outbox_emails_staff_created_idx")
      .on(t.staffId, t.createdAt.desc())
      .where(sql`${t.staffId} is not null`),
    // Every email has exactly one recipient: a merchant or a staff member.
    check("outbox_emails_one_recipient", sql`(${t.merchantId} is null) <> (${t.staffId} is null)`),
  ],
);

/** Lead/admin wording per language for the reminder's opening and closing paragraphs. */
export const reminderWording = pgTable("reminder_wording", {
  language: char({ length: 2 }).primaryKey(),
  intro: text(),
  closing: text(),
  updatedBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type OutboxEmail = typeof outboxEmails.$inferSelect;
/** An outbox email to a merchant (a reminder or "ask"), as the reminder mailer handles it. */
export type MerchantOutboxEmail = OutboxEmail & { merchantId: string };
export type ReminderPolicyRow = typeof reminderPolicies.$inferSelect;

/**
 * Signed links to the merchant's own page (/m/<token>), sent in every reminder: progress, the key
 * form, snooze and unsubscribe. Same model as connect links: only the token's sha-256 is stored.
 */
export const merchantPageLinks = pgTable(
  "merchant_page_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    lastOpenedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The public page looks a link up by the hash of the token in its URL.
    uniqueIndex("merchant_page_links_token_hash_idx").on(t.tokenHash),
    index("merchant_page_links_merchant_idx").on(t.merchantId),
  ],
);
