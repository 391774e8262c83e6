import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { INTAKE_MATCHES, INTAKE_REMOVALS, INTAKE_STATUSES } from "@/db/vocabulary/intake";
import { merchants } from "./merchants";
import { staffUsers } from "./staff-users";

export const intakeStatus = pgEnum("intake_status", INTAKE_STATUSES);
export const intakeMatch = pgEnum("intake_match", INTAKE_MATCHES);
export const intakeRemoval = pgEnum("intake_removal", INTAKE_REMOVALS);

/**
 * One message read from the access mailbox (lib/intake). The unique (mailbox, uidvalidity, uid)
 * is the claim: a worker inserts the row before it reads the message, so two workers and a
 * restart handle each message once. Only the redacted body is stored; a triage message's tokens,
 * if any, are kept sealed (AES-GCM, bound to this row) until a specialist assigns it.
 */
export const intakeMessages = pgTable(
  "intake_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    mailbox: text().notNull(),
    uidValidity: bigint({ mode: "number" }).notNull(),
    uid: bigint({ mode: "number" }).notNull(),
    status: intakeStatus().notNull().default("claimed"),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    messageId: text(),
    fromAddress: text(),
    fromName: text(),
    subject: text(),
    sentAt: timestamp({ withTimezone: true }),
    redactedBody: text(),
    merchantId: uuid().references(() => merchants.id, { onDelete: "set null" }),
    matchedBy: intakeMatch(),
    /** Why a message is in triage ("unknown sender", "2 merchants share this domain"). */
    triageReason: text(),
    /** Sealed JSON of the tokens found (triage only; cleared once assigned or dismissed). */
    tokensCiphertext: text(),
    /** What the message gave: halves recorded, halves repeated, a reply. Never a value. */
    outcome: jsonb().$type<{ recorded?: string[]; repeated?: string[]; replied?: boolean; holdsSecret?: boolean }>(),
    removal: intakeRemoval(),
    resolvedBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    processedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The claim: one row per message of a mailbox generation.
    uniqueIndex("intake_messages_uid_idx").on(t.mailbox, t.uidValidity, t.uid),
    // The triage page and the navigation count: `where status = 'triage' order by created_at`.
    index("intake_messages_status_created_idx").on(t.status, t.createdAt),
  ],
);

export type IntakeMessage = typeof intakeMessages.$inferSelect;
