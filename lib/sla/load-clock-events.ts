import "server-only";
import { asc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchantEvents } from "@/db/schema";
import { STEPS, type Step } from "@/lib/pipeline/steps";
import type { ClockEvent } from "./intervals";

/** The event types that move a clock (intervals.ts); the rest (notes, reminders …) change nothing. */
export const CLOCK_EVENT_TYPES = [
  "signed_up",
  "stage_completed",
  "stage_undone",
  "action_required",
  "action_cleared",
  "held",
  "resumed",
  "cancelled",
  "rekey_opened",
] as const satisfies readonly ClockEvent["type"][];

export const isClockEvent = (type: string) => (CLOCK_EVENT_TYPES as readonly string[]).includes(type);

/** Each merchant's clock events in the order they happened (one query for a page of merchants). */
export async function loadClockEvents(
  reader: Pick<Tx, "select">,
  merchantIds: readonly string[],
): Promise<Map<string, ClockEvent[]>> {
  const byMerchant = new Map<string, ClockEvent[]>(merchantIds.map((id) => [id, []]));
  if (merchantIds.length === 0) return byMerchant;
  const rows = await reader
    .select({
      merchantId: merchantEvents.merchantId,
      type: merchantEvents.type,
      stage: merchantEvents.stage,
      note: merchantEvents.note,
      evidence: merchantEvents.evidence,
      at: merchantEvents.createdAt,
    })
    .from(merchantEvents)
    // One array parameter, so a page of 25 merchants and one of 24 share one prepared statement.
    .where(sql`${merchantEvents.merchantId} = any(${sql.placeholder("ids")}::uuid[])`)
    .orderBy(asc(merchantEvents.createdAt), asc(merchantEvents.id))
    .prepare("clock_events")
    .execute({ ids: [...merchantIds] });
  for (const { merchantId, evidence, ...event } of rows) {
    if (!isClockEvent(event.type)) continue;
    byMerchant.get(merchantId)?.push(toClockEvent(event, evidence?.undone));
  }
  return byMerchant;
}

/** An event row as the clock reads it; `undone` is the event's `evidence.undone` (rekey_opened only). */
export function toClockEvent(event: Omit<ClockEvent, "undone">, undone: unknown): ClockEvent {
  const steps = event.type === "rekey_opened" && Array.isArray(undone) ? (undone as unknown[]) : null;
  return { ...event, undone: steps?.filter((s): s is Step => STEPS.includes(s as Step)) };
}

/**
 * The same events of ONE merchant as a `json_agg` subquery, for a statement that reads the
 * merchant already (the queue's rows, decision 0041): elements are [type, stage, note,
 * evidence->'undone', created_at], in the order loadClockEvents reads them. Decode with
 * clockEventsFromJson.
 */
export const clockEventsJson = (merchantId: SQL | AnyColumn) =>
  sql`(select json_agg(json_build_array(e.type, e.stage, e.note, e.evidence -> 'undone', e.created_at)
    order by e.created_at, e.id) from merchant_events e where e.merchant_id = ${merchantId})`;

type ClockEventJson = [ClockEvent["type"], ClockEvent["stage"], string | null, unknown, string];

export function clockEventsFromJson(value: unknown): ClockEvent[] {
  const rows = (typeof value === "string" ? JSON.parse(value) : value) as ClockEventJson[] | null;
  const events: ClockEvent[] = [];
  for (const [type, stage, note, undone, at] of rows ?? []) {
    if (isClockEvent(type)) events.push(toClockEvent({ type, stage, note, at: new Date(at) }, undone));
  }
  return events;
}
