import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { InvalidCredentialsError, signInWithPassword } from "@/lib/auth/sign-in";
import { RateLimitedError, ValidationError } from "@/lib/errors";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { createStaff } from "@/tests/factories/staff";

let ipCounter = 0;
/** Each test signs in from its own address, so per-IP counters never leak between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe("signInWithPassword", () => {
  it("signs in with the right password, ignoring email case, and records the time", async () => {
    const { user, password } = await createStaff({ role: "lead" });
    const actor = await signInWithPassword({ email: `  ${user.email.toUpperCase()} `, password, ip: freshIp() });
    expect(actor).toMatchObject({ kind: "staff", id: user.id, role: "lead" });
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("answers a wrong password and an unknown email with the same message", async () => {
    const { user } = await createStaff();
    const ip = freshIp();
    const wrong = signInWithPassword({ email: user.email, password: "not-the-password", ip });
    await expect(wrong).rejects.toThrow(InvalidCredentialsError);
    await expect(signInWithPassword({ email: "nobody@staff.test", password: "whatever-it-is", ip })).rejects.toThrow(
      "Invalid email or password.",
    );
  });

  it("rejects a malformed email with a field error before touching the throttle", async () => {
    const error = await signInWithPassword({ email: "not-an-email", password: "x", ip: freshIp() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.email).toEqual(["Enter a valid email address."]);
  });

  it("refuses deactivated accounts even with the right password", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user, password } = await createStaff();
    await deactivateStaff(admin.actor, user.id);
    await expect(signInWithPassword({ email: user.email, password, ip: freshIp() })).rejects.toThrow(
      InvalidCredentialsError,
    );
  });

  it("refuses invitees who have not chosen a password yet", async () => {
    const [pending] = await db
      .insert(staffUsers)
      .values({ email: "pending@staff.test", name: "Pending", role: "specialist" })
      .returning();
    expect(pending?.passwordHash).toBeNull();
    await expect(signInWithPassword({ email: "pending@staff.test", password: "", ip: freshIp() })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      signInWithPassword({ email: "pending@staff.test", password: "anything-at-all", ip: freshIp() }),
    ).rejects.toThrow(InvalidCredentialsError);
  });
});

describe("sign-in throttle", () => {
  it("after 5 failures for one email, refuses even the right password with a clear wait time", async () => {
    const { user, password } = await createStaff();
    for (let i = 0; i < 5; i++) {
      // Different IPs: the email counter alone must trip.
      await expect(
        signInWithPassword({ email: user.email, password: "wrong-password", ip: freshIp() }),
      ).rejects.toThrow(InvalidCredentialsError);
    }
    const error = await signInWithPassword({ email: user.email, password, ip: freshIp() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).message).toBe("Too many failed sign-ins. Try again in 15 minutes.");
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  it("after 5 failures from one IP, refuses that IP for every email, but not other IPs", async () => {
    const { user, password } = await createStaff();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      await expect(
        signInWithPassword({ email: `guess-${i}@staff.test`, password: "wrong-password", ip }),
      ).rejects.toThrow(InvalidCredentialsError);
    }
    await expect(signInWithPassword({ email: user.email, password, ip })).rejects.toThrow(/Too many failed sign-ins/);
    await expect(signInWithPassword({ email: user.email, password, ip: freshIp() })).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("a successful sign-in clears the email's failures", async () => {
    const { user, password } = await createStaff();
    for (let i = 0; i < 4; i++) {
      await expect(
        signInWithPassword({ email: user.email, password: "wrong-password", ip: freshIp() }),
      ).rejects.toThrow(InvalidCredentialsError);
    }
    await signInWithPassword({ email: user.email, password, ip: freshIp() });
    // Had the counter survived, the 5th failure would make the next attempt throttled.
    for (let i = 0; i < 4; i++) {
      await expect(
        signInWithPassword({ email: user.email, password: "wrong-password", ip: freshIp() }),
      ).rejects.toThrow(InvalidCredentialsError);
    }
    await expect(signInWithPassword({ email: user.email, password, ip: freshIp() })).resolves.toMatchObject({
      id: user.id,
    });
  });
});
