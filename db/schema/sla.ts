import { sql } from "drizzle-orm";
import { boolean, check, char, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./staff-users";

/**
 * The agency's business calendar (one row): zone, working days and hours, the country whose
 * national public holidays are days off, and company closure dates. Edited by leads and admins
 * (audited); lib/sla/sla-context.ts reads it. See docs/decisions/0022-stored-sla-calendars-and-policies.md.
 */
export const slaAgencyCalendar = pgTable(
  "sla_agency_calendar",
  {
    /** Always true: the table holds exactly one row. */
    singleton: boolean().primaryKey().default(true),
    timeZone: text().notNull().default("Europe/Amsterdam"),
    /** Weekday names (`mon`…`sun`). */
    days: text()
      .array()
      .notNull()
      .default(sql`'{mon,tue,wed,thu,fri}'::text[]`),
    /** Minutes after local midnight; start < end ≤ 1440. */
    hoursStart: integer().notNull().default(540),
    hoursEnd: integer().notNull().default(1050),
    country: char({ length: 2 }).notNull().default("NL"),
    /** Closure dates, `YYYY-MM-DD` in the calendar's zone, sorted. */
    closedDates: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
  },
  (t) => [
    check("sla_agency_calendar_singleton", sql`${t.singleton}`),
    check(
      "sla_agency_calendar_hours",
      sql`${t.hoursStart} >= 0 and ${t.hoursStart} < ${t.hoursEnd} and ${t.hoursEnd} <= 1440`,
    ),
  ],
);

/**
 * SLA policy versions, append-only in spirit: an edit inserts a new version effective from then;
 * a step is judged by the version in force when it started. Seconds of business time.
 */
export const slaPolicies = pgTable("sla_policies", {
  version: integer().primaryKey(),
  effectiveFrom: timestamp({ withTimezone: true }).notNull(),
  /** Per Actenzo-owned step: target in agency business seconds. */
  agencyTargets: jsonb().$type<Record<string, number>>().notNull(),
  /** Per merchant-owned step: expected time in merchant business seconds. */
  merchantExpected: jsonb().$type<Record<string, number>>().notNull(),
  endToEndSeconds: integer().notNull(),
  /** Null for the built-in default seeded by the migration. */
  createdBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type SlaAgencyCalendarRow = typeof slaAgencyCalendar.$inferSelect;
export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
