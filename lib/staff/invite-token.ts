import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { staffInvites } from "@/db/schema";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/transport";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Tokens are 32 random bytes, so a fast hash suffices (no guessing to slow down); only the hash is stored. */
export function hashInviteToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** Revokes the person's open invites and issues a new one; returns the plain token for the link. */
export async function issueInvite(tx: Tx, staffId: string, createdBy: string | null): Promise<string> {
  await tx
    .update(staffInvites)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(staffInvites.staffId, staffId), isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt)));
  const token = randomBytes(32).toString("base64url");
  await tx.insert(staffInvites).values({
    staffId,
    tokenHash: hashInviteToken(token),
    expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    createdBy,
  });
  return token;
}

export function inviteUrl(token: string) {
  return new URL(`/invite/${token}`, env.APP_URL).toString();
}

export async function sendInviteMail(to: { email: string; name: string }, token: string, invitedBy: string) {
  const link = inviteUrl(token);
  await sendMail({
    to: to.email,
    subject: "You're invited to the Actenzo Onboarding Console",
    text: [
      `Hi ${to.name},`,
      "",
      `${invitedBy} invited you to the Actenzo Onboarding Console.`,
      "Choose your password here (the link works once and expires in 7 days):",
      "",
      link,
      "",
      "If you did not expect this email, you can ignore it.",
    ].join("\n"),
  });
}
