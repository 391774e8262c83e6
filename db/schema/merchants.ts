import { sql } from "drizzle-orm";
import { boolean, char, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { queueIndexes } from "./merchants-queue-indexes";
import { cluster, owner, stage } from "./enums";
import { staffUsers } from "./staff-users";

/**
 * A merchant being onboarded. `currentStage`, `ballInCourt` and `stageEnteredAt` are derived
 * from `merchant_steps` by the stage machine and stored so that the queue can filter and sort
 * on them with plain indexes; only `lib/onboarding` writes them, in the same transaction.
 */
export const merchants = pgTable(
  "merchants",
  {
    id: uuid().primaryKey().defaultRandom(),
    company: text().notNull(),
    shopName: text().notNull(),
    /** Lower-cased host, e.g. `wijnhuis-debron.nl`; unique: a second sign-up is a duplicate. */
    shopDomain: text().notNull().unique(),
    cluster: cluster().notNull(),
    language: char({ length: 2 }).notNull(),
    country: char({ length: 2 }).notNull(),
    /**
     * The merchant's IANA zone: its SLA calendar's clock (lib/sla/merchant-time-zone.ts defaults it
     * from the country and asks where the country has several zones).
     */
    timeZone: text().notNull().default("Europe/Amsterdam"),
    /**
     * The merchant's working hours (minutes after local midnight, end up to 1440 = 24:00) and
     * working days (mon…sun); null means the default 09:00–17:30 Mon–Fri, so a change of the
     * default reaches every merchant nobody customised (lib/sla/sla-context.ts merchantCalendar).
     */
    workingHoursStart: integer(),
    workingHoursEnd: integer(),
    workingDays: text().array(),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    specialistId: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    /** First step not done; null once every step is done. */
    currentStage: stage(),
    ballInCourt: owner(),
    /**
     * Set when the merchant must act although the current step is ours (e.g. a verification found
     * unticked checkboxes): ball in court becomes the merchant and this text names what to do.
     */
    merchantActionRequired: text(),
    stageEnteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    onHold: boolean().notNull().default(false),
    holdReason: text(),
    holdUntil: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * The Lightspeed shop this merchant's keys must belong to, pinned by the first healthy
     * verification (account id from account.json, domain as shop.json reports it). A pair of
     * another account is refused. Null until pinned (or while a domain mismatch awaits review).
     */
    lightspeedAccountId: integer(),
    lightspeedShopDomain: text(),
    lightspeedIdentityPinnedAt: timestamp({ withTimezone: true }),
    /**
     * Set when the first healthy pair reports a domain other than the sign-up's: the pair waits
     * (not active, key not verified) until a specialist confirms the shop. See lib/verification/shop-identity.ts.
     */
    shopIdentityReview: jsonb().$type<ShopIdentityReview>(),
    /**
     * The open Actenzo step's due and 75 % warning instants (lib/sla/refresh-merchant-sla.ts),
     * rewritten in the transaction of every stage-machine write; null while no Actenzo target runs
     * (the merchant's move, on hold, cancelled, no target). Lets /queue sort and filter by SLA in SQL.
     */
    slaDueAt: timestamp({ withTimezone: true }),
    slaWarnAt: timestamp({ withTimezone: true }),
    /**
     * The queue's Waiting as an instant: the current owner's business time from here to now is the
     * step's Waiting while its clock runs (lib/sla/waiting-clock.ts waitingAnchor), rewritten at
     * every clock refresh; null while no clock runs (done, on hold, cancelled). /queue sorts by it.
     */
    waitingAnchorAt: timestamp({ withTimezone: true }),
    /** Bumped by every stage-machine write; guards concurrent edits. */
    version: integer().notNull().default(0),
  },
  (t) => [
    // Both ends or neither; start before end within one day (24:00 allowed as the end).
    check(
      "merchants_working_hours_check",
      sql`(${t.workingHoursStart} is null and ${t.workingHoursEnd} is null) or (${t.workingHoursStart} >= 0 and ${t.workingHoursStart} < ${t.workingHoursEnd} and ${t.workingHoursEnd} <= 1440)`,
    ),
    check("merchants_working_days_check", sql`${t.workingDays} is null or cardinality(${t.workingDays}) > 0`),
    index("merchants_specialist_idx").on(t.specialistId),
    index("merchants_stage_idx").on(t.currentStage),
    ...queueIndexes(t),
    // /queue sorted or filtered by time to breach; the warning sweep's scan of passed warn instants.
    index("merchants_sla_due_idx")
      .on(t.slaDueAt, t.id)
      .where(sql`${t.cancelledAt} is null`),
    // A specialist's default view: specialist = me, breached and due soon first.
    index("merchants_queue_specialist_sla_idx")
      .on(t.specialistId, t.slaDueAt, t.id)
      .where(sql`${t.cancelledAt} is null`),
    // The SLA report's workload: open merchants per specialist and their SLA states (the queue's
    // due soon / breached), counted off the index; and a specialist's open merchants in the queue's
    // SLA order (due, then id), read in order without sorting the specialist's whole list.
    index("merchants_open_specialist_sla_idx")
      .on(t.specialistId, t.slaDueAt, t.id, t.slaWarnAt)
      .where(sql`${t.cancelledAt} is null and ${t.currentStage} is not null`),
    index("merchants_sla_warn_idx")
      .on(t.slaWarnAt)
      .where(sql`${t.slaWarnAt} is not null`),
  ],
);

export type ShopIdentityReview = {
  credentialId: string;
  runId: string;
  accountId: number;
  reportedDomain: string | null;
  reportedTitle: string | null;
  signupDomain: string;
  flaggedAt: string;
};

export type Merchant = typeof merchants.$inferSelect;

/**
 * How many merchants are active (not cancelled) per cluster, kept by triggers on `merchants`
 * (migration 0018) in the same transaction as the change, so /health counts the merchants without
 * a key without counting 100,000 rows on every view (decision 0045). Derived data: never written
 * by the application.
 */
export const merchantActiveCounts = pgTable("merchant_active_counts", {
  cluster: cluster().primaryKey(),
  active: integer().notNull(),
});
