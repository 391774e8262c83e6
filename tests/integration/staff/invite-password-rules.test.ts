import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/db/client";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-rules";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ValidationError } from "@/lib/errors";
import { acceptInvite, findInvite } from "@/lib/staff/accept-invite";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import { issueInvite } from "@/lib/staff/invite-token";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { createStaff } from "@/tests/factories/staff";

/** The first message for `password`, whether the schema (ZodError) or the verb (ValidationError) refused it. */
async function passwordError(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof ValidationError) return error.fieldErrors.password?.[0];
  if (error instanceof z.ZodError) return (z.flattenError(error).fieldErrors as Record<string, string[]>).password?.[0];
  throw new Error(`expected a password error, got ${String(error)}`);
}

async function invited(email: string) {
  const admin = await createStaff({ role: "admin" });
  const { staff } = await inviteStaff(admin.actor, { name: "Noor Jansen", email, role: "specialist" });
  // The token as the mailed link carries it (a fresh one replaces the mailed one).
  const token = await db.transaction((tx) => issueInvite(tx, staff.id, admin.user.id));
  return { staff, token };
}

describe("invite acceptance refuses weak passwords, naming the rule", () => {
  it.each([
    ["12 spaces", " ".repeat(12), PASSWORD_MESSAGES.onlyWhitespace],
    ["aaaaaaaaaaaa", "aaaaaaaaaaaa", PASSWORD_MESSAGES.repeated],
    ["a common password", "qwerty123456", PASSWORD_MESSAGES.common],
    ["the email address", "Weak.Invitee-%s@Actenzo.test", PASSWORD_MESSAGES.email],
    ["the email's local part", "weak.invitee-%s", PASSWORD_MESSAGES.email],
  ])("%s", async (_name, template, message) => {
    const tag = Math.random().toString(36).slice(2, 8);
    const email = `weak.invitee-${tag}@actenzo.test`;
    const password = template.replace("%s", tag);
    const { token } = await invited(email);
    expect(await passwordError(acceptInvite({ token, password, passwordConfirm: password }))).toBe(message);
    // Nothing was set: the link still works and the password does not sign in.
    expect((await findInvite(token)).status).toBe("valid");
    await expect(signInWithPassword({ email, password, ip: "192.0.2.77" })).rejects.toThrow();
  });

  it("a good passphrase is accepted", async () => {
    const { token } = await invited(`good-${Date.now()}@actenzo.test`);
    await expect(
      acceptInvite({ token, password: "three wine barrels at dusk", passwordConfirm: "three wine barrels at dusk" }),
    ).resolves.toBeTruthy();
  });

  it("user:create (createStaffUser) applies the same rules", async () => {
    const email = `cli-${Date.now()}@actenzo.test`;
    expect(await passwordError(createStaffUser({ email, role: "admin", password: "aaaaaaaaaaaa" }))).toBe(
      PASSWORD_MESSAGES.repeated,
    );
    expect(await passwordError(createStaffUser({ email, role: "admin", password: email }))).toBe(
      PASSWORD_MESSAGES.email,
    );
  });
});
