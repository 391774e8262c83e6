import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { agencyTimeZone } from "@/lib/staff/time-zone";
import type { StaffActor } from "./actor";

/**
 * The actor behind a session: re-read from the database on every request, so a role change
 * or a deactivation applies on the very next request. Unknown or inactive → null.
 */
export async function loadActor(staffId: string | null | undefined): Promise<StaffActor | null> {
  if (!staffId || !z.uuid().safeParse(staffId).success) return null;
  const [user] = await db
    .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, role: staffUsers.role, timeZone: staffUsers.timeZone })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, staffId), eq(staffUsers.active, true)))
    .limit(1);
  return user ? { kind: "staff", ...user, timeZone: user.timeZone ?? agencyTimeZone() } : null;
}
