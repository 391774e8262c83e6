import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { acceptInvite } from "@/lib/staff/accept-invite";
import { issueInvite } from "@/lib/staff/invite-token";
import { signOutEverywhere } from "@/lib/staff/sign-out-everywhere";
import { createStaff } from "@/tests/factories/staff";
import { actorForCookie, signInCookie, signOutCookie } from "./session-cookie";

async function lastAudit(staffId: string) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, staffId))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe("revocable sessions", () => {
  it("a session cookie copied before sign-out is refused after it, in every browser", async () => {
    const { user } = await createStaff();
    const cookie = await signInCookie(user);
    const otherBrowser = await signInCookie(user);
    const copied = cookie;
    expect(await actorForCookie(copied)).toMatchObject({ id: user.id });

    await signOutCookie(cookie);
    expect(await actorForCookie(copied)).toBeNull();
    expect(await actorForCookie(otherBrowser)).toBeNull();
    // Signing in again works, and the stale copy cannot sign the new session out.
    const fresh = await signInCookie(user);
    await signOutCookie(copied);
    expect(await actorForCookie(fresh)).toMatchObject({ id: user.id });
  });

  it("sign out everywhere: for yourself, and for an admin on anyone; audited; others may not", async () => {
    const admin = await createStaff({ role: "admin" });
    const lead = await createStaff({ role: "lead" });
    const mine = await signInCookie(lead.user);
    await signOutEverywhere(lead.actor, lead.user.id);
    expect(await actorForCookie(mine)).toBeNull();
    expect(await lastAudit(lead.user.id)).toMatchObject({
      action: "staff.sessions_revoked",
      actorId: lead.user.id,
      details: { self: true },
    });

    const specialist = await createStaff();
    const theirs = await signInCookie(specialist.user);
    await expect(signOutEverywhere(lead.actor, specialist.user.id)).rejects.toThrow(ForbiddenError);
    expect(await actorForCookie(theirs)).toMatchObject({ id: specialist.user.id });
    await signOutEverywhere(admin.actor, specialist.user.id);
    expect(await actorForCookie(theirs)).toBeNull();
    expect(await lastAudit(specialist.user.id)).toMatchObject({
      action: "staff.sessions_revoked",
      actorId: admin.user.id,
      details: { self: false },
    });
  });

  it("setting a password (invite acceptance) ends the sessions from before", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user } = await createStaff();
    const before = await signInCookie(user);
    // A fresh link for an existing account, as "Resend invite" would issue (the token, not the mail).
    const token = await db.transaction((tx) => issueInvite(tx, user.id, admin.user.id));
    await acceptInvite({ token, password: "a long passphrase here", passwordConfirm: "a long passphrase here" });
    expect(await actorForCookie(before)).toBeNull();
  });
});
