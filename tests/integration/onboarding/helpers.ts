import { and, asc, eq } from "drizzle-orm";
import { db, sql } from "@/db/client";
import { auditLog, merchantEvents, merchants, merchantSteps } from "@/db/schema";

/** Reads a test merchant's stored state: the row, its done steps, timeline and audit rows. */
export async function readMerchant(id: string) {
  const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
  if (!row) throw new Error(`merchant ${id} not found`);
  return row;
}

export async function doneSteps(id: string) {
  const rows = await db
    .select({ stage: merchantSteps.stage })
    .from(merchantSteps)
    .where(eq(merchantSteps.merchantId, id))
    .orderBy(asc(merchantSteps.stage));
  return rows.map((r) => r.stage);
}

export async function eventsOf(id: string, type?: (typeof merchantEvents.$inferSelect)["type"]) {
  return db
    .select()
    .from(merchantEvents)
    .where(
      type ? and(eq(merchantEvents.merchantId, id), eq(merchantEvents.type, type)) : eq(merchantEvents.merchantId, id),
    )
    .orderBy(asc(merchantEvents.id));
}

export async function auditOf(id: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.entityId, id), eq(auditLog.action, action)) : eq(auditLog.entityId, id))
    .orderBy(asc(auditLog.id));
}

/** Moves the current step's start into the past, so a test can see whether a write moved it. */
export async function backdateStage(id: string, days = 3): Promise<Date> {
  const at = new Date(Date.now() - days * 86_400_000);
  await sql`update merchants set stage_entered_at = ${at.toISOString()}::timestamptz where id = ${id}`;
  return at;
}

export async function countByDomain(shopDomain: string): Promise<number> {
  const [row] = await sql<
    { count: number }[]
  >`select count(*)::int as count from merchants where shop_domain = ${shopDomain}`;
  return row?.count ?? 0;
}
