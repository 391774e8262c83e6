import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { auditStaffChange } from "./audit";
import { assertAdminRemains, lockActiveAdminIds } from "./last-admin-guard";
import { lockStaff } from "./lock-staff";
import { changeStaffRoleSchema } from "./schemas";
import { endAllSessions } from "@/lib/auth/session-version";

/** Changes a role; the person's sessions end, so they sign in again under the new role. */
export async function changeStaffRole(
  actor: StaffActor | null,
  input: z.input<typeof changeStaffRoleSchema>,
): Promise<StaffUser> {
  authorize(actor, "staff:manage");
  const { staffId, role } = changeStaffRoleSchema.parse(input);
  return db.transaction(async (tx) => {
    const adminIds = await lockActiveAdminIds(tx);
    const staff = await lockStaff(tx, staffId);
    if (staff.role === role) return staff;
    if (role !== "admin") assertAdminRemains(adminIds, staff);
    const [updated] = await tx
      .update(staffUsers)
      .set({ role, ...endAllSessions(), updatedAt: sql`now()` })
      .where(eq(staffUsers.id, staffId))
      .returning();
    await auditStaffChange(tx, actor, "staff.role_changed", staffId, { from: staff.role, to: role });
    return updated!;
  });
}
