"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import type { Role } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/session";
import { approveStaff } from "@/lib/staff/approve-staff";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import type { HandOver } from "@/lib/staff/hand-over";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { reactivateStaff } from "@/lib/staff/reactivate-staff";
import { resendInvite } from "@/lib/staff/resend-invite";
import { signOutEverywhere } from "@/lib/staff/sign-out-everywhere";

/** Thin adapters: the verbs authorize (staff:manage) and validate; these map results for the forms. */
export async function inviteStaffAction(
  _previous: ActionResult<undefined> | null,
  formData: FormData,
): Promise<ActionResult<undefined>> {
  let mailSent = true;
  const result = await runAction(async () => {
    const outcome = await inviteStaff(await requireActor(), {
      name: String(formData.get("name") ?? ""),
      email: String(formData.get("email") ?? ""),
      role: String(formData.get("role") ?? "") as Role,
    });
    mailSent = outcome.mailSent;
    revalidatePath("/admin/staff");
    return undefined;
  });
  if (!result.ok) return result;
  return {
    ok: true,
    data: undefined,
    message: mailSent
      ? "Invite sent."
      : "Account created, but the invite email could not be sent. Use “Resend invite”.",
  };
}

export async function changeStaffRoleAction(staffId: string, role: string) {
  return runAction(async () => {
    await changeStaffRole(await requireActor(), { staffId, role: role as Role });
    revalidatePath("/admin/staff");
  }, "Role changed.");
}

export async function deactivateStaffAction(staffId: string, handOver: HandOver | undefined) {
  return runAction(async () => {
    // The verb parses `handOver` with zod: the client could post anything.
    await deactivateStaff(await requireActor(), staffId, handOver);
    revalidatePath("/admin/staff");
  }, "Account deactivated.");
}

export async function reactivateStaffAction(staffId: string) {
  return runAction(async () => {
    await reactivateStaff(await requireActor(), staffId);
    revalidatePath("/admin/staff");
  }, "Account reactivated.");
}

export async function approveStaffAction(staffId: string) {
  return runAction(async () => {
    await approveStaff(await requireActor(), staffId);
    revalidatePath("/admin/staff");
  }, "Account approved. They can sign in now.");
}

export async function resendInviteAction(staffId: string) {
  return runAction(async () => {
    await resendInvite(await requireActor(), staffId);
    revalidatePath("/admin/staff");
  }, "Invite sent again.");
}

export async function signOutEverywhereStaffAction(staffId: string) {
  return runAction(async () => {
    await signOutEverywhere(await requireActor(), staffId);
  }, "Signed out in every browser.");
}
