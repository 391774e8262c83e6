import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { staffInvites, staffUsers, type StaffUser } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { auditStaffChange } from "./audit";
import { assertAdminRemains, lockActiveAdminIds } from "./last-admin-guard";
import { lockStaff } from "./lock-staff";
import { staffIdSchema } from "./schemas";
import { endAllSessions } from "@/lib/auth/session-version";
import { handOverOpenMerchants, handOverSchema, type HandOver } from "./hand-over";

/**
 * Deactivates an account: the person's next request is anonymous (every session is ended)
 * and open invite links stop working. Their open merchants go where `handOver` says, in the
 * same transaction (refused without one when they have any); finished history stays theirs.
 */
export async function deactivateStaff(
  actor: StaffActor | null,
  staffId: string,
  handOverInput?: HandOver,
): Promise<StaffUser> {
  authorize(actor, "staff:manage");
  const id = staffIdSchema.parse(staffId);
  const handOver = handOverInput === undefined ? undefined : handOverSchema.parse(handOverInput);
  return db.transaction(async (tx) => {
    const adminIds = await lockActiveAdminIds(tx);
    const staff = await lockStaff(tx, id);
    if (!staff.active) return staff;
    assertAdminRemains(adminIds, staff);
    const summary = await handOverOpenMerchants(tx, actor, id, handOver, staff.name);
    const [updated] = await tx
      .update(staffUsers)
      .set({ active: false, ...endAllSessions(), updatedAt: sql`now()` })
      .where(eq(staffUsers.id, id))
      .returning();
    await tx
      .update(staffInvites)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(staffInvites.staffId, id), isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt)));
    await auditStaffChange(tx, actor, "staff.deactivated", id, summary ? { handOver: summary } : {});
    return updated!;
  });
}
