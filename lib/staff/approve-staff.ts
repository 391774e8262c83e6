import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { auditStaffChange } from "./audit";
import { lockStaff } from "./lock-staff";
import { staffIdSchema } from "./schemas";

/**
 * Lets in an account that a first company sign-in created (lib/auth/sign-in-with-company.ts),
 * with the role it has (specialist unless an admin changed it first). They sign in again
 * themselves; approving an approved account changes nothing.
 */
export async function approveStaff(actor: StaffActor | null, staffId: string): Promise<StaffUser> {
  authorize(actor, "staff:manage");
  const id = staffIdSchema.parse(staffId);
  return db.transaction(async (tx) => {
    const staff = await lockStaff(tx, id);
    if (!staff.approvalPending) return staff;
    const [updated] = await tx
      .update(staffUsers)
      .set({ approvalPending: false, updatedAt: sql`now()` })
      .where(eq(staffUsers.id, id))
      .returning();
    await auditStaffChange(tx, actor, "staff.approved", id, { role: staff.role });
    return updated!;
  });
}
