import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import type { StaffActor } from "./actor";
import { burnPasswordCheck, verifyPassword } from "./password";
import { throttledSignIn } from "./sign-in-throttle";

const log = createLogger("auth");

/** One message for unknown email, wrong password, pending invite or approval and deactivated account. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super("Invalid email or password.");
  }
}

/** The throttle (Redis) cannot be read: sign-in fails closed, at once, and says why. */
export class SignInUnavailableError extends DomainError {
  constructor() {
    super("Sign-in cannot be checked right now (a service it needs is unavailable). Please try again in a minute.");
  }
}

/** PASSWORD_SIGN_IN=off: the provider is gone too (auth-options.ts); this guards any other caller. */
export class PasswordSignInOffError extends DomainError {
  constructor() {
    super("Password sign-in is switched off. Sign in with your company account.");
  }
}

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(256, "Enter your password."),
});

/**
 * Checks an email + password, throttled per email and per IP (see sign-in-throttle-policy.ts).
 * Throws ValidationError, RateLimitedError or InvalidCredentialsError; on success records the
 * sign-in time and forgives the email's earlier failures.
 */
export async function signInWithPassword(input: {
  email?: unknown;
  password?: unknown;
  ip: string;
}): Promise<StaffActor> {
  if (env.PASSWORD_SIGN_IN === "off") throw new PasswordSignInOffError();
  const { email, password } = parseInput(signInSchema, input, { message: "Enter your email and password." });

  // The password is checked only inside a reserved attempt (sign-in-throttle.ts). Redis calls are
  // bounded (lib/redis.ts); an outage must not let guesses through unthrottled, so it fails closed.
  const user = await throttledSignIn(email, input.ip, async () => {
    const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email)).limit(1);
    const valid = user?.passwordHash
      ? await verifyPassword(user.passwordHash, password)
      : (await burnPasswordCheck(password), false);
    if (!user || !valid || !user.active || user.approvalPending) {
      const reason = !user ? "unknown" : !valid ? "password" : !user.active ? "inactive" : "approval pending";
      log.info("sign-in failed", { email, ip: input.ip, reason });
      return null;
    }
    return user;
  }).catch((error: unknown) => {
    throw error instanceof DomainError ? error : new SignInUnavailableError();
  });
  if (!user) throw new InvalidCredentialsError();

  await db
    .update(staffUsers)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(staffUsers.id, user.id));
  log.info("signed in", { staffId: user.id });
  return { kind: "staff", id: user.id, email: user.email, name: user.name, role: user.role };
}
