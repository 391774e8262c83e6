import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, staffInvites, staffUsers } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ConflictError, ForbiddenError, RuleViolationError } from "@/lib/errors";
import { acceptInvite, findInvite } from "@/lib/staff/accept-invite";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { listStaff } from "@/lib/staff/list-staff";
import { resendInvite } from "@/lib/staff/resend-invite";
import { createStaff } from "@/tests/factories/staff";
import { smtpInboxForFile } from "@/tests/helpers/smtp-inbox";

const inbox = smtpInboxForFile({ APP_URL: "https://console.actenzo.test" });

/** Invites someone and returns the token from the link in the email they received. */
async function inviteAndReadLink(admin: Awaited<ReturnType<typeof createStaff>>, email: string) {
  const result = await inviteStaff(admin.actor, { name: "Noor Jansen", email, role: "specialist" });
  const mail = await inbox.waitFor((m) => (m.to as { text: string }).text === email.toLowerCase());
  expect(mail.subject).toBe("You're invited to the Actenzo Onboarding Console");
  const link = mail.text?.match(/https:\/\/console\.actenzo\.test\/invite\/([A-Za-z0-9_-]+)/);
  expect(link, "the mail contains the set-password link").toBeTruthy();
  return { result, token: link![1]! };
}

describe("inviting staff", () => {
  it("creates a pending account, mails a one-time link, and the invitee can then sign in", async () => {
    const admin = await createStaff({ role: "admin" });
    const { result, token } = await inviteAndReadLink(admin, "Noor.Jansen@Actenzo.test");
    expect(result).toMatchObject({
      mailSent: true,
      staff: { email: "noor.jansen@actenzo.test", role: "specialist", passwordHash: null },
    });
    expect((await listStaff(admin.actor)).find((s) => s.id === result.staff.id)?.status).toBe("invited");

    expect(await findInvite(token)).toEqual({
      status: "valid",
      name: "Noor Jansen",
      email: "noor.jansen@actenzo.test",
    });
    await acceptInvite({ token, password: "correct horse battery", passwordConfirm: "correct horse battery" });
    await expect(
      signInWithPassword({ email: "noor.jansen@actenzo.test", password: "correct horse battery", ip: "192.0.2.10" }),
    ).resolves.toMatchObject({ id: result.staff.id });

    // The link is spent.
    expect((await findInvite(token)).status).toBe("used");
    await expect(
      acceptInvite({ token, password: "another password!", passwordConfirm: "another password!" }),
    ).rejects.toThrow("already been used");

    const actions = await db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.entityId, result.staff.id));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "staff.invited", actorId: admin.user.id },
        { action: "staff.invite_accepted", actorId: null },
      ]),
    );
  });

  it("stores only a hash of the token", async () => {
    const admin = await createStaff({ role: "admin" });
    const { result, token } = await inviteAndReadLink(admin, "hash-check@actenzo.test");
    const [invite] = await db.select().from(staffInvites).where(eq(staffInvites.staffId, result.staff.id));
    expect(invite?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(invite?.tokenHash).not.toContain(token);
  });

  it("refuses an expired link with a message naming what to do", async () => {
    const admin = await createStaff({ role: "admin" });
    const { result, token } = await inviteAndReadLink(admin, "late@actenzo.test");
    await db
      .update(staffInvites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(staffInvites.staffId, result.staff.id));
    expect((await findInvite(token)).status).toBe("expired");
    await expect(
      acceptInvite({ token, password: "a long enough pass", passwordConfirm: "a long enough pass" }),
    ).rejects.toThrow("expired. Ask an admin");
    expect((await listStaff(admin.actor)).find((s) => s.id === result.staff.id)?.status).toBe("invite_expired");
  });

  it("a resent invite replaces the old link", async () => {
    const admin = await createStaff({ role: "admin" });
    const { result, token: first } = await inviteAndReadLink(admin, "resend@actenzo.test");
    await resendInvite(admin.actor, result.staff.id);
    const open = await db
      .select()
      .from(staffInvites)
      .where(and(eq(staffInvites.staffId, result.staff.id)));
    expect(open.filter((i) => !i.revokedAt)).toHaveLength(1);
    expect((await findInvite(first)).status).toBe("invalid");
  });

  it("a deactivated invitee's link stops working", async () => {
    const admin = await createStaff({ role: "admin" });
    const { result, token } = await inviteAndReadLink(admin, "gone@actenzo.test");
    await deactivateStaff(admin.actor, result.staff.id);
    await expect(
      acceptInvite({ token, password: "a long enough pass", passwordConfirm: "a long enough pass" }),
    ).rejects.toThrow(RuleViolationError);
  });

  it("checks the new password: length and confirmation", async () => {
    const admin = await createStaff({ role: "admin" });
    const { token } = await inviteAndReadLink(admin, "weak@actenzo.test");
    await expect(acceptInvite({ token, password: "short", passwordConfirm: "short" })).rejects.toThrow(
      "at least 12 characters",
    );
    await expect(
      acceptInvite({ token, password: "long enough pass 1", passwordConfirm: "long enough pass 2" }),
    ).rejects.toThrow("do not match");
    expect((await findInvite(token)).status).toBe("valid");
  });

  it("refuses a second account for an existing email, whatever its case", async () => {
    const admin = await createStaff({ role: "admin" });
    const existing = await createStaff({ email: "taken@actenzo.test" });
    const error = await inviteStaff(admin.actor, { name: "X", email: "TAKEN@actenzo.test", role: "lead" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(await db.select().from(staffUsers).where(eq(staffUsers.email, "taken@actenzo.test"))).toEqual([
      existing.user,
    ]);
  });

  it("only admins invite", async () => {
    const lead = await createStaff({ role: "lead" });
    await expect(inviteStaff(lead.actor, { name: "X", email: "x@actenzo.test", role: "specialist" })).rejects.toThrow(
      ForbiddenError,
    );
    expect(await db.select().from(staffUsers).where(eq(staffUsers.email, "x@actenzo.test"))).toEqual([]);
  });

  it("keeps the account when the mail cannot be sent, so the admin can resend", async () => {
    const admin = await createStaff({ role: "admin" });
    const restoreEnv = overrideEnv({ SMTP_URL: "smtp://127.0.0.1:1" });
    const { setLogSink } = await import("@/lib/logger");
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      const result = await inviteStaff(admin.actor, {
        name: "No Mail",
        email: "nomail@actenzo.test",
        role: "specialist",
      });
      expect(result.mailSent).toBe(false);
      expect(lines.some((l) => l.includes("invite mail failed"))).toBe(true);
    } finally {
      restore();
      restoreEnv();
    }
  });
});
