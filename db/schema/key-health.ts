import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { HEALTH_FAILURE_KINDS, KEY_HEALTH_STATES } from "@/db/vocabulary/key-health";
import type { RateLimitState } from "@/db/vocabulary/lightspeed";
import { cluster } from "./enums";
import { merchantCredentials } from "./credentials";
import { merchants } from "./merchants";
import { verificationKind } from "./verification-runs";

export const keyHealthState = pgEnum("key_health_state", KEY_HEALTH_STATES);
export const healthFailureKind = pgEnum("health_failure_kind", HEALTH_FAILURE_KINDS);

/**
 * The monitor's state for a merchant's active pair: one row per merchant, created when a pair
 * first verifies. The schedule lives here (due dates in PostgreSQL), not in Redis: a BullMQ
 * scheduler only ticks the sweep, which enqueues the rows that are due. So schedules survive
 * deploys and Redis restarts, and 10,000 merchants are 10,000 rows, not 10,000 repeatables.
 */
export const keyHealth = pgTable(
  "key_health",
  {
    merchantId: uuid()
      .primaryKey()
      .references(() => merchants.id, { onDelete: "cascade" }),
    /** The pair being monitored (the active one). */
    credentialId: uuid().references(() => merchantCredentials.id, { onDelete: "set null" }),
    state: keyHealthState().notNull(),
    cluster: cluster(),
    lastCheckAt: timestamp({ withTimezone: true }),
    lastCheckKind: verificationKind(),
    lastHealthyAt: timestamp({ withTimezone: true }),
    nextLightCheckAt: timestamp({ withTimezone: true }),
    nextFullCheckAt: timestamp({ withTimezone: true }),
    /**
     * When the sweep should next look at this row: the earlier due date, or (while a check is
     * queued) a lease after which a lost job is enqueued again. Null = not monitored.
     */
    nextCheckAt: timestamp({ withTimezone: true }),
    consecutiveFailures: integer().notNull().default(0),
    lastFailureKind: healthFailureKind(),
    /** Consecutive checks that saw a 429 or low headroom; drives the backoff. */
    backoffLevel: integer().notNull().default(0),
    lastRateLimit: jsonb().$type<RateLimitState>(),
    missing: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** An alert (or re-key flow) is open for the current failure; cleared by the next healthy check. */
    alertOpen: boolean().notNull().default(false),
    alertOpenedAt: timestamp({ withTimezone: true }),
    alertReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The sweep: `where next_check_at <= now() order by next_check_at limit N for update skip locked`.
    index("key_health_next_check_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.nextCheckAt} is not null`),
    // /health filters by state.
    index("key_health_state_idx").on(t.state),
  ],
);

export type KeyHealth = typeof keyHealth.$inferSelect;
