import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { merchants } from "./merchants";
import { staffUsers } from "./staff-users";

/**
 * Precomputed SLA clocks: one row per merchant and step it has reached (step = a stage name, or
 * `end_to_end` for sign-up → live), derived from `merchant_events` by the pure functions in
 * lib/sla. Rewritten for one merchant in the same transaction as each clock-relevant event
 * (`refreshMerchantClocks`) and for everyone by the `sla-recompute` job after a policy or calendar
 * change. Breach of a still-open step is judged at read time (`due_at` against now).
 */
export const slaStepClocks = pgTable(
  "sla_step_clocks",
  {
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    step: text().notNull(),
    /** agency | merchant (the step's owner), or end_to_end. */
    owner: text().notNull(),
    policyVersion: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    completedAt: timestamp({ withTimezone: true }),
    /** When the merchant was cancelled while this step was open. */
    cancelledAt: timestamp({ withTimezone: true }),
    agencyWorkSeconds: integer().notNull(),
    merchantWaitSeconds: integer().notNull(),
    holdSeconds: integer().notNull(),
    /** Calendar seconds on hold per reason. */
    holds: jsonb().$type<{ reason: string; seconds: number }[]>().notNull(),
    /** Agency target (Actenzo steps, end to end) or merchant expected time, in business seconds. */
    targetSeconds: integer(),
    warnAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }),
    /** agency | merchant | platform: who made a breach, when one happened by the time of computing. */
    cause: text(),
    /** Business seconds of agency work that overlapped a Lightspeed platform incident. */
    incidentSeconds: integer().notNull().default(0),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.step] }),
    // The report's outcomes, times and trend: steps completed in a period.
    index("sla_step_clocks_completed_idx").on(t.completedAt),
    // The report's open breaches and the workload's due-soon/breached counts: open steps by due time.
    index("sla_step_clocks_open_due_idx")
      .on(t.dueAt)
      .where(sql`${t.completedAt} is null and ${t.cancelledAt} is null`),
    // The report's live figures (open breaches, workload) read every column they need off this
    // index: an index-only scan of the open Actenzo steps instead of a heap page per row.
    index("sla_step_clocks_open_actenzo_idx")
      .on(t.dueAt, t.owner, t.step, t.policyVersion, t.cause, t.targetSeconds, t.warnAt, t.merchantId)
      .where(sql`${t.completedAt} is null and ${t.cancelledAt} is null and ${t.owner} <> 'merchant'`),
    // The report summary's refresh of a day: steps cancelled while open, by due time.
    index("sla_step_clocks_cancelled_due_idx")
      .on(t.dueAt)
      .where(sql`${t.completedAt} is null and ${t.cancelledAt} is not null`),
  ],
);

/** One row per full recompute (the `sla-recompute` job): the page shows the newest as freshness. */
export const slaClockRecomputes = pgTable(
  "sla_clock_recomputes",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestedBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    jobId: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    merchants: integer().notNull().default(0),
    ok: boolean(),
  },
  // The reports page reads the newest recompute.
  (t) => [index("sla_clock_recomputes_started_idx").on(t.startedAt.desc())],
);

export type SlaStepClockRow = typeof slaStepClocks.$inferSelect;
