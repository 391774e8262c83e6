import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { approveStaff } from "@/lib/staff/approve-staff";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { reactivateStaff } from "@/lib/staff/reactivate-staff";
import { resendInvite } from "@/lib/staff/resend-invite";
import { createStaff } from "@/tests/factories/staff";
import { defineMutations } from "@/tests/helpers/mutations";

async function staffRow(id: string) {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row!;
}

/** Staff admin verbs for the role matrix (see tests/helpers/mutations.ts). */
export default defineMutations([
  {
    name: "staff: invite",
    permission: "staff:manage",
    arrange: async () => ({ email: `matrix-${randomBytes(4).toString("hex")}@staff.test` }),
    // The mail may not be deliverable in this test (no SMTP inbox); the account is what counts.
    act: (actor, { email }) => inviteStaff(actor, { name: "Matrix Invitee", email, role: "specialist" }),
    happened: async ({ email }) => (await db.select().from(staffUsers).where(eq(staffUsers.email, email))).length === 1,
  },
  {
    name: "staff: change role",
    permission: "staff:manage",
    arrange: async () => (await createStaff({ role: "specialist" })).user,
    act: (actor, user) => changeStaffRole(actor, { staffId: user.id, role: "lead" }),
    happened: async (user) => (await staffRow(user.id)).role === "lead",
  },
  {
    name: "staff: deactivate",
    permission: "staff:manage",
    arrange: async () => (await createStaff({ role: "specialist" })).user,
    act: (actor, user) => deactivateStaff(actor, user.id),
    happened: async (user) => !(await staffRow(user.id)).active,
  },
  {
    name: "staff: reactivate",
    permission: "staff:manage",
    arrange: async () => {
      const { user } = await createStaff({ role: "specialist" });
      await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, user.id));
      return user;
    },
    act: (actor, user) => reactivateStaff(actor, user.id),
    happened: async (user) => (await staffRow(user.id)).active,
  },
  {
    name: "staff: resend invite",
    permission: "staff:manage",
    arrange: async () => {
      const [pending] = await db
        .insert(staffUsers)
        .values({ email: `pending-${randomBytes(4).toString("hex")}@staff.test`, name: "Pending", role: "specialist" })
        .returning();
      return pending!;
    },
    act: (actor, user) => resendInvite(actor, user.id),
  },
  {
    name: "staff: approve a company sign-in",
    permission: "staff:manage",
    arrange: async () => {
      const { user } = await createStaff({ role: "specialist" });
      await db.update(staffUsers).set({ approvalPending: true }).where(eq(staffUsers.id, user.id));
      return user;
    },
    act: (actor, user) => approveStaff(actor, user.id),
    happened: async (user) => !(await staffRow(user.id)).approvalPending,
  },
]);
