import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { slaAgencyCalendar, slaPolicies, staffUsers } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { BusinessCalendar } from "./calendar";
import type { SlaPolicy } from "./policy";
import { agencyCalendarFromRow, DEFAULT_AGENCY_CALENDAR, policyFromRow } from "./sla-context";

export type SlaSettings = {
  calendar: BusinessCalendar;
  calendarUpdatedAt: Date | null;
  calendarUpdatedBy: string | null;
  /** Oldest first; the last one is in force now. */
  versions: (SlaPolicy & { createdBy: string | null })[];
};

/** What /admin/sla shows: the agency calendar and every policy version with who published it. */
export async function getSlaSettings(actor: Actor | null | undefined): Promise<SlaSettings> {
  authorize(actor, "sla:manage");
  const [[calendarRow], versionRows] = await Promise.all([
    db
      .select({ row: slaAgencyCalendar, by: staffUsers.name })
      .from(slaAgencyCalendar)
      .leftJoin(staffUsers, eq(staffUsers.id, slaAgencyCalendar.updatedBy))
      .limit(1),
    db
      .select({ row: slaPolicies, by: staffUsers.name })
      .from(slaPolicies)
      .leftJoin(staffUsers, eq(staffUsers.id, slaPolicies.createdBy))
      .orderBy(asc(slaPolicies.version)),
  ]);
  return {
    calendar: calendarRow ? agencyCalendarFromRow(calendarRow.row) : DEFAULT_AGENCY_CALENDAR,
    calendarUpdatedAt: calendarRow?.row.updatedBy ? calendarRow.row.updatedAt : null,
    calendarUpdatedBy: calendarRow?.by ?? null,
    versions: versionRows.map(({ row, by }) => ({ ...policyFromRow(row), createdBy: by })),
  };
}
