import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantEvents, merchants, outboxEmails } from "@/db/schema";

/** Thursday 26 Nov 2026, 11:00 in Amsterdam: inside every test merchant's business hours. */
export const NOW = new Date("2026-11-26T10:00:00Z");
/** A week before: the step has been the merchant's for five business days. */
export const LONG_AGO = new Date("2026-11-19T09:00:00Z");

/** The merchant has been stuck on its current step since `since`. */
export async function stall(merchantId: string, since = LONG_AGO) {
  await db.update(merchants).set({ stageEnteredAt: since }).where(eq(merchants.id, merchantId));
}

export async function reminderEvents(merchantId: string) {
  return db
    .select({ type: merchantEvents.type, stage: merchantEvents.stage, evidence: merchantEvents.evidence })
    .from(merchantEvents)
    .where(and(eq(merchantEvents.merchantId, merchantId)))
    .orderBy(desc(merchantEvents.id))
    .then((rows) => rows.filter((r) => r.type === "reminder" || r.type === "reminder_sent"));
}

export async function outboxOf(merchantId: string) {
  return db.select().from(outboxEmails).where(eq(outboxEmails.merchantId, merchantId));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
