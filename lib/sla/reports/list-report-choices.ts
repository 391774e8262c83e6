import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants, staffUsers } from "@/db/schema";
import { CLUSTERS } from "@/db/vocabulary/lightspeed";
import { type StaffActor, authorize } from "@/lib/auth/actor";
import { loadAgencyCalendar } from "@/lib/sla/sla-context";
import { addDaysIso, localDay, mondayOf } from "./report-period";

export type ReportChoices = {
  clusters: readonly string[];
  countries: string[];
  specialists: { id: string; name: string }[];
  /** The Mondays of the last 13 sign-up weeks, newest first. */
  cohorts: string[];
};

/** The segment controls' options; countries are those merchants are in. */
export async function listReportChoices(actor: StaffActor, now = new Date()): Promise<ReportChoices> {
  authorize(actor, "reports:read");
  const [countries, specialists, agency] = await Promise.all([
    db.selectDistinct({ country: merchants.country }).from(merchants).orderBy(asc(merchants.country)),
    db
      .select({ id: staffUsers.id, name: staffUsers.name })
      .from(staffUsers)
      .where(and(inArray(staffUsers.role, ["specialist", "lead"]), eq(staffUsers.active, true)))
      .orderBy(asc(staffUsers.name)),
    loadAgencyCalendar(),
  ]);
  const thisMonday = mondayOf(localDay(now, agency.timeZone));
  return {
    clusters: CLUSTERS,
    countries: countries.map((r) => r.country),
    specialists,
    cohorts: Array.from({ length: 13 }, (_, i) => addDaysIso(thisMonday, -7 * i)),
  };
}
