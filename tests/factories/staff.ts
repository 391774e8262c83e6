import { randomBytes } from "node:crypto";
import type { StaffUser } from "@/db/schema";
import type { StaffActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { createStaffUser } from "@/lib/staff/create-staff-user";

export type CreatedStaff = { user: StaffUser; password: string; actor: StaffActor };

/**
 * A staff account with a known password, unique per call. `actor` is what verbs take, as if
 * this person were signed in: `await inviteStaff(admin.actor, …)`.
 */
export async function createStaff(
  overrides: { role?: Role; name?: string; email?: string; password?: string } = {},
): Promise<CreatedStaff> {
  const role = overrides.role ?? "specialist";
  const suffix = randomBytes(4).toString("hex");
  const { user, password } = await createStaffUser(
    {
      role,
      email: overrides.email ?? `${role}-${suffix}@staff.test`,
      name: overrides.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${suffix}`,
      password: overrides.password ?? `pw-${suffix}-${randomBytes(6).toString("hex")}`,
    },
    { via: "test-factory" },
  );
  return { user, password, actor: toActor(user) };
}

export function toActor(user: Pick<StaffUser, "id" | "email" | "name" | "role">): StaffActor {
  return { kind: "staff", id: user.id, email: user.email, name: user.name, role: user.role };
}
