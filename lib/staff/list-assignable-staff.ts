import { and, asc, eq, inArray } from "drizzle-orm";
import { lookupDb } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";

export type AssignableStaff = { id: string; name: string; email: string; role: Role };

/**
 * People a merchant can be assigned to (pickers, the queue's specialist filter): active
 * specialists and leads, by name. Admins are not in it: they manage, they do not onboard.
 * Includes invitees who have not signed in yet, so work can be lined up for a new starter.
 */
export async function listAssignableStaff(actor: Actor | null): Promise<AssignableStaff[]> {
  authorize(actor, "queue:read");
  return (
    lookupDb
      .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role })
      .from(staffUsers)
      .where(and(eq(staffUsers.active, true), inArray(staffUsers.role, ["specialist", "lead"])))
      .orderBy(asc(staffUsers.name))
      // Named: read on every queue and workspace view; see lib/auth/load-actor.ts.
      .prepare("list_assignable_staff")
      .execute()
  );
}
