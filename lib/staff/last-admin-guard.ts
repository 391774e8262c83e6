import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import { RuleViolationError } from "@/lib/errors";

/**
 * Row-locks every active admin. Role changes and deactivations take these locks first, before
 * the target's row, so two admins demoting each other at the same moment are serialized (the
 * second re-reads and is refused) and the lock order is always the same (no deadlock).
 */
export async function lockActiveAdminIds(tx: Tx): Promise<string[]> {
  const admins = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "admin"), eq(staffUsers.active, true)))
    .for("update");
  return admins.map((a) => a.id);
}

/** Refuses a change that takes `staff` out of the active admins when nobody else is left. */
export function assertAdminRemains(activeAdminIds: string[], staff: Pick<StaffUser, "id" | "role" | "active">) {
  const isActiveAdmin = staff.role === "admin" && staff.active;
  if (isActiveAdmin && !activeAdminIds.some((id) => id !== staff.id)) {
    throw new RuleViolationError("This is the last active admin. Make someone else an admin first.");
  }
}
