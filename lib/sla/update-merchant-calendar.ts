import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, merchants } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { DEFAULT_DAYS, daysSchema, hoursSchema, WEEKDAYS } from "./calendar";
import { describeCalendarChange } from "./describe-sla-change";
import { calendarInput, DEFAULT_MERCHANT_HOURS, merchantCalendar } from "./merchant-calendar";
import { merchantCalendarColumns } from "./sla-context";
import { refreshMerchantClocks } from "./refresh-merchant-clocks";

const inputSchema = z.object({
  merchantId: z.uuid("Not a merchant id"),
  /** "HH:MM-HH:MM": start before end, 24:00 allowed as the end. */
  hours: hoursSchema,
  /** At least one weekday, as a list or "mon,tue,…". */
  days: z.union([z.string(), z.array(z.string()).transform((d) => d.join(","))]).pipe(daysSchema),
});
export type MerchantCalendarEdit = z.input<typeof inputSchema>;

/**
 * Sets a merchant's working hours and days (leads and admins), audited with what changed, and
 * recomputes the merchant's stored clocks in the same transaction: its merchant-wait figures and
 * the expected time of a step that is its move are measured on these hours. Hours and days equal
 * to the default (09:00–17:30 Mon–Fri) are stored as null, "the default".
 */
export async function updateMerchantCalendar(actor: Actor, input: MerchantCalendarEdit): Promise<void> {
  authorize(actor, "sla:manage");
  const { merchantId, hours, days } = parseInput(inputSchema, input);
  // Stored in weekday order whatever order the form sent them in.
  const ordered = WEEKDAYS.filter((d) => days.includes(d));
  const isDefaultHours = hours.start === DEFAULT_MERCHANT_HOURS.start && hours.end === DEFAULT_MERCHANT_HOURS.end;
  const isDefaultDays = ordered.join(",") === DEFAULT_DAYS.join(",");
  const next = {
    workingHoursStart: isDefaultHours ? null : hours.start,
    workingHoursEnd: isDefaultHours ? null : hours.end,
    workingDays: isDefaultDays ? null : ordered,
  };
  await db.transaction(async (tx) => {
    const [m] = await tx
      .select(merchantCalendarColumns)
      .from(merchants)
      .where(eq(merchants.id, merchantId))
      .for("update");
    if (!m) throw new NotFoundError("Merchant");
    const before = merchantCalendar(calendarInput(m));
    const after = merchantCalendar(calendarInput({ ...m, ...next }));
    const summary = describeCalendarChange(before, after);
    if (summary === "no change") return;
    await tx.update(merchants).set(next).where(eq(merchants.id, merchantId));
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "merchant.calendar_changed",
      entityType: "merchant",
      entityId: merchantId,
      details: {
        summary,
        before: { hours: before.hours, days: before.days },
        after: { hours: after.hours, days: after.days },
      },
    });
    await refreshMerchantClocks(tx, merchantId);
  });
}
