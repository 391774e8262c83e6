import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { auditStaffChange } from "./audit";
import { lockStaff } from "./lock-staff";
import { staffIdSchema } from "./schemas";
import { endAllSessions } from "@/lib/auth/session-version";

/**
 * Reactivates an account with its previous role; the person signs in again with their old
 * password. Bumps the session version too, so no cookie from before the deactivation comes back.
 */
export async function reactivateStaff(actor: StaffActor | null, staffId: string): Promise<StaffUser> {
  authorize(actor, "staff:manage");
  const id = staffIdSchema.parse(staffId);
  return db.transaction(async (tx) => {
    const staff = await lockStaff(tx, id);
    if (staff.active) return staff;
    const [updated] = await tx
      .update(staffUsers)
      .set({ active: true, ...endAllSessions(), updatedAt: sql`now()` })
      .where(eq(staffUsers.id, id))
      .returning();
    await auditStaffChange(tx, actor, "staff.reactivated", id);
    return updated!;
  });
}
