import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchants } from "@/db/schema";
import { loadClockEvents, loadIncidents, writeClockRows } from "./clock-rows-store";
import { loadAgencyCalendar, loadSlaPolicies, merchantCalendar, type MerchantCalendarInput } from "./sla-context";
import { stepClockRows } from "./step-clock-rows";

/** The merchant's calendar input; `timeZone` once merchants carry one (the sla-calendars change). */
export function calendarInput(merchant: { country: string; timeZone?: string | null }): MerchantCalendarInput {
  return { country: merchant.country, timeZone: merchant.timeZone ?? null };
}

/**
 * Recomputes one merchant's `sla_step_clocks` rows from its events, inside the caller's
 * transaction (the one that just wrote a clock-relevant event, see insertEvent in
 * lib/onboarding/merchant-write.ts), so the report never sees an event without its clocks.
 */
export async function refreshMerchantClocks(tx: Tx, merchantId: string, now = new Date()): Promise<void> {
  const [merchant] = await tx.select().from(merchants).where(eq(merchants.id, merchantId));
  if (!merchant) return;
  const events = (await loadClockEvents(tx, [merchantId])).get(merchantId) ?? [];
  const since = events[0]?.at ?? now;
  const [incidents, policies, agency] = await Promise.all([
    loadIncidents(tx, since),
    loadSlaPolicies(),
    loadAgencyCalendar(),
  ]);
  const calendars = { agency, merchant: merchantCalendar(calendarInput(merchant)) };
  const rows = stepClockRows({ events, calendars, policies, incidents, now }).map((row) => ({ ...row, merchantId }));
  await writeClockRows(tx, [merchantId], rows, now);
}
