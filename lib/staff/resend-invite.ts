import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { auditStaffChange } from "./audit";
import { issueInvite, sendInviteMail } from "./invite-token";
import { staffIdSchema } from "./schemas";

/** Sends a fresh set-password link to someone who has not accepted yet; older links stop working. */
export async function resendInvite(actor: StaffActor | null, staffId: string): Promise<void> {
  authorize(actor, "staff:manage");
  const id = staffIdSchema.parse(staffId);
  const { staff, token } = await db.transaction(async (tx) => {
    const [staff] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id)).for("update");
    if (!staff) throw new NotFoundError("Staff member");
    if (!staff.active) throw new RuleViolationError("Reactivate this account before sending a new invite.");
    if (staff.passwordHash) throw new RuleViolationError(`${staff.name} has already accepted the invite.`);
    const token = await issueInvite(tx, staff.id, actor.id);
    await auditStaffChange(tx, actor, "staff.invite_resent", staff.id);
    return { staff, token };
  });
  await sendInviteMail(staff, token, actor.name);
}
