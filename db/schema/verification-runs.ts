import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { VERDICTS, type Grants, type RateLimitState } from "@/db/vocabulary/lightspeed";
import { VERIFICATION_KINDS, VERIFICATION_TRIGGERS } from "@/db/vocabulary/verification";
import { cluster } from "./enums";
import { merchantCredentials } from "./credentials";
import { merchants } from "./merchants";

export const verificationKind = pgEnum("verification_kind", VERIFICATION_KINDS);
export const verificationTrigger = pgEnum("verification_trigger", VERIFICATION_TRIGGERS);
export const verificationVerdict = pgEnum("verification_verdict", VERDICTS);

/**
 * One row per call of the engine against a stored pair: intake verifications and every health
 * check. Append-only; the workspace shows the history and what changed between runs. A light
 * check (`checkHealth`) that authenticates is stored as `healthy` with `grants` null: it says
 * nothing about permissions.
 */
export const verificationRuns = pgTable(
  "verification_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    credentialId: uuid()
      .notNull()
      .references(() => merchantCredentials.id, { onDelete: "cascade" }),
    kind: verificationKind().notNull(),
    trigger: verificationTrigger().notNull(),
    verdict: verificationVerdict().notNull(),
    cluster: cluster(),
    grants: jsonb().$type<Grants>(),
    missing: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    rateLimit: jsonb().$type<RateLimitState>(),
    requests: integer().notNull(),
    durationMs: integer().notNull(),
    /** Plain words for a run that could not conclude (platform down, rate limit). Never a secret. */
    error: text(),
    /**
     * Idempotency key (the BullMQ job id, or the health check's due slot): a retried or duplicated
     * job finds its run here instead of calling Lightspeed and applying the outcome twice.
     */
    runKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Workspace history: a merchant's runs, newest first.
    index("verification_runs_merchant_created_idx").on(t.merchantId, t.createdAt.desc()),
    // The database guard behind deterministic job ids: one run per (pair, run key).
    uniqueIndex("verification_runs_credential_run_key_idx")
      .on(t.credentialId, t.runKey)
      .where(sql`${t.runKey} is not null`),
    // Platform-incident rule: health checks of the last 15 minutes, by outcome.
    index("verification_runs_health_created_idx")
      .on(t.createdAt)
      .where(sql`${t.trigger} = 'health'`),
  ],
);

export type VerificationRun = typeof verificationRuns.$inferSelect;
