import { eq, sql as dsql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchants } from "@/db/schema";
import { insertEvent, type EventInput } from "./merchant-write";

export type RecordMerchantEventInput = Omit<EventInput, "at">;

/**
 * For other domains (credentials, verification, health, reminders) to append to a merchant's
 * timeline inside their own transaction. Touches `last_activity_at` only: it changes no step,
 * so the derived columns and `version` stay as they are. The caller authorizes and writes its
 * own audit row; never put a secret in `evidence`.
 */
export async function recordMerchantEvent(tx: Tx, input: RecordMerchantEventInput): Promise<void> {
  await insertEvent(tx, input);
  await tx
    .update(merchants)
    .set({ lastActivityAt: dsql`greatest(${merchants.lastActivityAt}, now())` })
    .where(eq(merchants.id, input.merchantId));
}
