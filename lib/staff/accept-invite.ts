import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { db } from "@/db/client";
import { staffInvites, staffUsers } from "@/db/schema";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { isEmailLike, PASSWORD_MESSAGES } from "@/lib/auth/password-rules";
import { RateLimitedError, RuleViolationError, ValidationError } from "@/lib/errors";
import { reserveAttempt, secondsUntilFree, type Budget } from "@/lib/rate-limit/attempt-budget";
import { redisKey } from "@/lib/redis";
import { auditStaffChange } from "./audit";
import { hashInviteToken } from "./invite-token";
import { endAllSessions } from "@/lib/auth/session-version";

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
  .refine((v) => v.password === v.passwordConfirm, {
    message: "The passwords do not match.",
    path: ["passwordConfirm"],
  });

const STATUS_MESSAGES: Record<Exclude<InviteStatus, "valid">, string> = {
  expired: "This invite has expired. Ask an admin to send a new one.",
  used: "This invite has already been used. Sign in with your password.",
  invalid: "This invite link is not valid. Ask an admin to send a new one.",
};

/** Per link and per client address, fixed one-hour windows (like the connect page's limits). */
export const INVITE_ATTEMPT_LIMITS = { perToken: 10, perIp: 30, windowSeconds: 3600 } as const;

async function countInviteAttempt(tokenHash: string, ip: string | undefined) {
  const windowMs = INVITE_ATTEMPT_LIMITS.windowSeconds * 1000;
  const budgets: Budget[] = [
    { key: redisKey("invite-attempts", "link", tokenHash), limit: INVITE_ATTEMPT_LIMITS.perToken, windowMs },
  ];
  if (ip) budgets.push({ key: redisKey("invite-attempts", "ip", ip), limit: INVITE_ATTEMPT_LIMITS.perIp, windowMs });
  const reservation = await reserveAttempt(budgets);
  if (reservation.granted) return;
  const seconds = secondsUntilFree(budgets, reservation.counters) || INVITE_ATTEMPT_LIMITS.windowSeconds;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  throw new RateLimitedError(
    `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    seconds,
  );
}

async function usableInvite(tx: Pick<typeof db, "select">, tokenHash: string, lock: boolean) {
  const query = tx
    .select({ invite: staffInvites, active: staffUsers.active, email: staffUsers.email })
    .from(staffInvites)
    .innerJoin(staffUsers, eq(staffUsers.id, staffInvites.staffId))
    .where(eq(staffInvites.tokenHash, tokenHash));
  const [row] = lock ? await query.for("update", { of: staffInvites }) : await query.limit(1);
  const status = row ? inviteStatus(row.invite, row.active) : "invalid";
  if (!row || status !== "valid")
    throw new RuleViolationError(STATUS_MESSAGES[status as Exclude<InviteStatus, "valid">]);
  return row;
}

/**
 * Sets the invitee's password and spends the link. Throttled per link and per client address;
 * the token is checked BEFORE argon2 runs, so a wrong or spent link costs no hashing, and the
 * check is repeated under a row lock after hashing, so a double submit cannot use it twice.
 * `context.ip` is given by the web action; CLIs and tests without a client only get the per-link budget.
 */
export async function acceptInvite(
  input: z.input<typeof acceptInviteSchema>,
  context: { ip?: string } = {},
): Promise<{ email: string }> {
  const { token, password } = acceptInviteSchema.parse(input);
  const tokenHash = hashInviteToken(token);
  await countInviteAttempt(tokenHash, context.ip);
  const invite = await usableInvite(db, tokenHash, false);
  if (isEmailLike(password, invite.email))
    throw new ValidationError(PASSWORD_MESSAGES.email, { password: [PASSWORD_MESSAGES.email] });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await usableInvite(tx, tokenHash, true);
    await tx
      .update(staffInvites)
      .set({ usedAt: sql`now()` })
      .where(eq(staffInvites.id, row.invite.id));
    await tx
      .update(staffUsers)
      .set({ passwordHash, ...endAllSessions(), updatedAt: sql`now()` })
      .where(eq(staffUsers.id, row.invite.staffId));
    await auditStaffChange(tx, null, "staff.invite_accepted", row.invite.staffId, { inviteId: row.invite.id });
    return { email: row.email };
  });
}
