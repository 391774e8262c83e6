import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

/** Reads and row-locks one staff member for a change, or NotFoundError. */
export async function lockStaff(tx: Tx, staffId: string): Promise<StaffUser> {
  const [staff] = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffId)).for("update");
  if (!staff) throw new NotFoundError("Staff member");
  return staff;
}
