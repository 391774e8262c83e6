import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";

/** The audit rows about one entity (optionally one action), oldest first. */
export async function auditOf(id: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.entityId, id), eq(auditLog.action, action)) : eq(auditLog.entityId, id))
    .orderBy(asc(auditLog.id));
}
