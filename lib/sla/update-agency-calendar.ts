import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, slaAgencyCalendar } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse-input";
import { timeZoneSchema } from "@/lib/time/zones";
import { closedSchema, countrySchema, daysSchema, hoursSchema, type BusinessCalendar } from "./calendar";
import { describeCalendarChange } from "./describe-sla-change";
import { enqueueSlaRefresh } from "./enqueue-sla-refresh";
import { loadAgencyCalendar } from "./sla-context";

const inputSchema = z.object({
  timeZone: timeZoneSchema,
  days: z.union([z.string(), z.array(z.string()).transform((d) => d.join(","))]).pipe(daysSchema),
  hours: hoursSchema,
  country: countrySchema,
  /** Dates separated by commas, spaces or new lines. */
  closed: z
    .string()
    .transform((v) => v.replace(/[\s;]+/g, ","))
    .pipe(closedSchema)
    .transform((dates) => [...new Set(dates)].sort()),
});
export type AgencyCalendarInput = z.input<typeof inputSchema>;

/**
 * Saves the agency calendar (leads and admins), audited with what changed, then asks the worker to
 * recompute the stored due times of open Actenzo steps (a closure day moves them).
 */
export async function updateAgencyCalendar(actor: Actor, input: AgencyCalendarInput): Promise<BusinessCalendar> {
  authorize(actor, "sla:manage");
  const next = parseInput(inputSchema, input);
  const saved = await db.transaction(async (tx) => {
    const before = await loadAgencyCalendar(tx);
    const row = {
      timeZone: next.timeZone,
      days: [...next.days],
      hoursStart: next.hours.start,
      hoursEnd: next.hours.end,
      country: next.country,
      closedDates: next.closed,
      updatedAt: new Date(),
      updatedBy: actorId(actor),
    };
    await tx
      .insert(slaAgencyCalendar)
      .values({ singleton: true, ...row })
      .onConflictDoUpdate({
        target: slaAgencyCalendar.singleton,
        set: row,
      });
    const after = await loadAgencyCalendar(tx);
    const summary = describeCalendarChange(before, after);
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "sla.calendar_changed",
      entityType: "sla_calendar",
      entityId: "agency",
      details: { summary, before, after },
    });
    return after;
  });
  await enqueueSlaRefresh(actor);
  return saved;
}
