import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { stage } from "./enums";
import { merchants } from "./merchants";
import { staffUsers } from "./staff-users";

export const MERCHANT_EVENT_TYPES = [
  "signed_up",
  "stage_completed",
  "stage_undone",
  "assigned",
  "held",
  "resumed",
  "cancelled",
  "note",
  "credential_recorded",
  "verification",
  "rekey_opened",
  /** The merchant must act although the current step is ours (ball in court → merchant). */
  "action_required",
  "action_cleared",
  "health_alert",
  "connect_link",
  "reminder_sent",
  /** The open Actenzo step reached 75 % of its SLA target (once per merchant and step). */
  "sla_warning",
  /** The merchant answered a console email (the access mailbox intake matched it). */
  "merchant_replied",
  /** A reminder planned, stopped, muted, escalated, failed, snoozed, unsubscribed; `evidence.action` says which. */
  "reminder",
] as const;
export type MerchantEventType = (typeof MERCHANT_EVENT_TYPES)[number];
export const merchantEventType = pgEnum("merchant_event_type", MERCHANT_EVENT_TYPES);

/** Append-only history of a merchant: who did what, when, with which evidence. Never updated. */
export const merchantEvents = pgTable(
  "merchant_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    /** Null for the system (sign-up API, workers). */
    actorId: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    type: merchantEventType().notNull(),
    stage: stage(),
    evidence: jsonb().$type<Record<string, unknown>>(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The workspace timeline and the queue's "last activity" read a merchant's newest events.
    index("merchant_events_merchant_created_idx").on(t.merchantId, t.createdAt.desc()),
  ],
);

export type MerchantEvent = typeof merchantEvents.$inferSelect;
