import type { Tx } from "@/db/client";
import { loadClockFacts } from "./clock-facts";
import { writeClockState } from "./clock-rows-store";
import { merchantClockState } from "./merchant-clock-state";
import type { OpenStepSla } from "./open-step-sla";
import { calendarInput, merchantCalendar } from "./sla-context";

/**
 * Recomputes one merchant's clocks from its events, inside the caller's transaction (the one that
 * just wrote a clock-relevant event, see insertEvent in lib/onboarding/merchant-write.ts): the
 * stored due and warning instants /queue sorts by and the `sla_step_clocks` rows the reports read,
 * so neither ever sees an event without its clocks. Two round trips, because a step completion
 * waits on them: the facts (events, incidents, calendars, policies) as one JSON value, then one
 * statement writing both. Returns the open step's SLA.
 */
export async function refreshMerchantClocks(tx: Tx, merchantId: string, now = new Date()): Promise<OpenStepSla | null> {
  const facts = await loadClockFacts(tx, { merchantId }, now);
  const merchant = facts.merchants[0];
  if (!merchant) return null;
  const calendars = { agency: facts.agency, merchant: merchantCalendar(calendarInput(merchant.calendar)) };
  const state = merchantClockState({ ...facts, ...merchant, calendars, now });
  await writeClockState(tx, [{ merchantId, ...state }], now);
  return state.sla;
}
