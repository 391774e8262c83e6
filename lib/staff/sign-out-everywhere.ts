import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { UnauthenticatedError } from "@/lib/errors";
import { auditStaffChange } from "./audit";
import { lockStaff } from "./lock-staff";
import { staffIdSchema } from "./schemas";
import { endAllSessions } from "@/lib/auth/session-version";

/**
 * "Sign out everywhere": every session of `staffId` (all browsers, copied cookies included) is
 * refused from the next request on. Anyone may do it for themselves; for another person it needs
 * `staff:manage`. Audited either way.
 */
export async function signOutEverywhere(actor: StaffActor | null, staffId: string): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  const id = staffIdSchema.parse(staffId);
  if (id !== actor.id) authorize(actor, "staff:manage");
  await db.transaction(async (tx) => {
    await lockStaff(tx, id);
    await tx
      .update(staffUsers)
      .set({ ...endAllSessions(), updatedAt: sql`now()` })
      .where(eq(staffUsers.id, id));
    await auditStaffChange(tx, actor, "staff.sessions_revoked", id, { self: id === actor.id });
  });
}
