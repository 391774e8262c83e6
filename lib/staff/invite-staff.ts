import { db } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { auditStaffChange } from "./audit";
import { issueInvite, sendInviteMail } from "./invite-token";
import { inviteStaffSchema, type InviteStaffInput } from "./schemas";

const log = createLogger("staff");

export type InviteResult = { staff: StaffUser; mailSent: boolean };

/**
 * An admin invites a colleague: the account is created without a password and the invitee
 * gets a one-time link (7 days) to choose one. The mail goes out after the commit; if SMTP
 * fails the account stays and the admin can resend the invite from the staff list.
 */
export async function inviteStaff(actor: StaffActor | null, input: InviteStaffInput): Promise<InviteResult> {
  authorize(actor, "staff:manage");
  const { name, email, role } = inviteStaffSchema.parse(input);

  const { staff, token } = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(staffUsers)
      .values({ email, name, role, passwordHash: null })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning();
    if (!created) throw new ConflictError(`${email} already has a staff account.`);
    const token = await issueInvite(tx, created.id, actor.id);
    await auditStaffChange(tx, actor, "staff.invited", created.id, { email, role });
    return { staff: created, token };
  });

  try {
    await sendInviteMail(staff, token, actor.name);
    return { staff, mailSent: true };
  } catch (error) {
    log.error("invite mail failed", { staffId: staff.id, error });
    return { staff, mailSent: false };
  }
}
