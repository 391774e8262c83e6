import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { db } from "@/db/client";
import { staffInvites, staffUsers } from "@/db/schema";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { isEmailLike, PASSWORD_MESSAGES } from "@/lib/auth/password-rules";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { auditStaffChange } from "./audit";
import { hashInviteToken } from "./invite-token";
import { endAllSessions } from "./session-version";

export type InviteStatus = "valid" | "expired" | "used" | "invalid";

/** What `/invite/[token]` shows before the form: who it is for, or why the link no longer works. */
export async function findInvite(token: string): Promise<{ status: InviteStatus; name?: string; email?: string }> {
  const [row] = await db
    .select({ invite: staffInvites, name: staffUsers.name, email: staffUsers.email, active: staffUsers.active })
    .from(staffInvites)
    .innerJoin(staffUsers, eq(staffUsers.id, staffInvites.staffId))
    .where(eq(staffInvites.tokenHash, hashInviteToken(token)))
    .limit(1);
  const status = row ? inviteStatus(row.invite, row.active) : "invalid";
  return status === "valid" ? { status, name: row!.name, email: row!.email } : { status };
}

function inviteStatus(invite: typeof staffInvites.$inferSelect, staffActive: boolean, now = new Date()): InviteStatus {
  if (invite.usedAt) return "used";
  if (invite.revokedAt || !staffActive) return "invalid";
  return invite.expiresAt <= now ? "expired" : "valid";
}

export const acceptInviteSchema = z
  .object({ token: textInput().min(1), password: passwordSchema, passwordConfirm: textInput() })
  .refine((v) => v.password === v.passwordConfirm, { message: "The passwords do not match.", path: ["passwordConfirm"] });

const STATUS_MESSAGES: Record<Exclude<InviteStatus, "valid">, string> = {
  expired: "This invite has expired. Ask an admin to send a new one.",
  used: "This invite has already been used. Sign in with your password.",
  invalid: "This invite link is not valid. Ask an admin to send a new one.",
};

/** Sets the invitee's password and spends the link (row lock: a double submit cannot use it twice). */
export async function acceptInvite(input: z.input<typeof acceptInviteSchema>): Promise<{ email: string }> {
  const { token, password } = acceptInviteSchema.parse(input);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ invite: staffInvites, active: staffUsers.active, email: staffUsers.email })
      .from(staffInvites)
      .innerJoin(staffUsers, eq(staffUsers.id, staffInvites.staffId))
      .where(eq(staffInvites.tokenHash, hashInviteToken(token)))
      .for("update", { of: staffInvites });
    const status = row ? inviteStatus(row.invite, row.active) : "invalid";
    if (!row || status !== "valid") throw new RuleViolationError(STATUS_MESSAGES[status as Exclude<InviteStatus, "valid">]);
    if (isEmailLike(password, row.email)) throw new ValidationError(PASSWORD_MESSAGES.email, { password: [PASSWORD_MESSAGES.email] });

    await tx.update(staffInvites).set({ usedAt: sql`now()` }).where(eq(staffInvites.id, row.invite.id));
    await tx.update(staffUsers).set({ passwordHash, ...endAllSessions(), updatedAt: sql`now()` }).where(eq(staffUsers.id, row.invite.staffId));
    await auditStaffChange(tx, null, "staff.invite_accepted", row.invite.staffId, { inviteId: row.invite.id });
    return { email: row.email };
  });
}
