import "server-only";
import { asc, sql } from "drizzle-orm";
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
    const undone = event.type === "rekey_opened" && Array.isArray(evidence?.undone) ? evidence.undone : null;
    byMerchant.get(merchantId)?.push({ ...event, undone: undone?.filter((s): s is Step => STEPS.includes(s)) });
  }
  return byMerchant;
}
