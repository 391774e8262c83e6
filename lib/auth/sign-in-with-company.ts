import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, staffUsers, type StaffUser } from "@/db/schema";
import type { Tx } from "@/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { actorId, systemActor } from "./actor";
import { emailDomainAllowed, roleFromGroups, type CompanyClaims, type CompanyRefusal } from "./company-sign-in-rules";

const log = createLogger("auth");
const COMPANY_SIGN_IN = systemActor("company-sign-in");

type Outcome = { refusal: CompanyRefusal } | { staff: StaffUser; created: boolean };

/** A company sign-in the console refuses; `code` picks the login page's sentence. */
export class CompanySignInRefusedError extends DomainError {
  constructor(public readonly code: CompanyRefusal) {
    super(`Company sign-in refused: ${code}`);
  }
}

/**
 * The staff account behind a company identity whose ID token next-auth has verified (signature,
 * issuer, audience, expiry, nonce). Found by `iss` + `sub`; else an account with the same email
 * is linked, only when the provider vouches for the address (`email_verified`); else a new one is
 * created: with the role a group grants (active at once) or as a specialist awaiting approval.
 * Throws CompanySignInRefusedError for a disallowed domain, a deactivated or unapproved account.
 */
export async function signInWithCompany(claims: CompanyClaims): Promise<StaffUser> {
  if (!emailDomainAllowed(claims.email, env.OIDC_ALLOWED_DOMAINS)) return refuse("CompanyDomainNotAllowed", claims);

  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const [linked] = await tx
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.oidcIssuer, claims.issuer), eq(staffUsers.oidcSubject, claims.subject)))
      .for("update");
    if (linked) return { staff: linked, created: false };

    const [sameEmail] = await tx.select().from(staffUsers).where(eq(staffUsers.email, claims.email)).for("update");
    if (sameEmail) {
      // Linking hands the account to whoever the provider says owns the address: only if it checked it,
      // and never away from another company identity.
      if (sameEmail.oidcSubject !== null) return { refusal: "CompanyIdentityConflict" };
      if (!claims.emailVerified) return { refusal: "CompanyEmailUnverified" };
      const [updated] = await tx
        .update(staffUsers)
        .set({ oidcIssuer: claims.issuer, oidcSubject: claims.subject, updatedAt: sql`now()` })
        .where(eq(staffUsers.id, sameEmail.id))
        .returning();
      await auditStaffChange(tx, COMPANY_SIGN_IN, "staff.identity_linked", sameEmail.id, { issuer: claims.issuer });
      return { staff: updated!, created: false };
    }

    const role = roleFromGroups(claims.groups, env.OIDC_GROUP_ROLES);
    const [inserted] = await tx
      .insert(staffUsers)
      .values({
        email: claims.email,
        name: claims.name ?? claims.email.split("@")[0]!,
        role: role ?? "specialist",
        approvalPending: role === null,
        oidcIssuer: claims.issuer,
        oidcSubject: claims.subject,
      })
      .returning();
    await auditStaffChange(tx, COMPANY_SIGN_IN, "staff.created", inserted!.id, {
      email: claims.email,
      role: inserted!.role,
      via: "company-sign-in",
      approvalPending: role === null,
      ...(role ? { groups: claims.groups } : {}),
    });
    return { staff: inserted!, created: true };
  });

  if ("refusal" in outcome) return refuse(outcome.refusal, claims);
  const { staff, created } = outcome;
  if (!staff.active) return refuse("CompanyAccountDeactivated", claims);
  if (staff.approvalPending) {
    if (created) log.info("company sign-in created an account awaiting approval", { staffId: staff.id });
    return refuse("CompanyApprovalPending", claims);
  }
  await db
    .update(staffUsers)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(staffUsers.id, staff.id));
  log.info("signed in", { staffId: staff.id, via: "company" });
  return staff;
}

function refuse(code: CompanyRefusal, claims: CompanyClaims): never {
  log.info("company sign-in refused", { code, email: claims.email });
  throw new CompanySignInRefusedError(code);
}

/** The staff id linked to the identity in a verified ID token's claims (the jwt callback's lookup). */
export async function staffIdOfCompanyIdentity(claims: { iss?: unknown; sub?: unknown } | undefined) {
  if (typeof claims?.iss !== "string" || typeof claims.sub !== "string") return null;
  const [row] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.oidcIssuer, claims.iss), eq(staffUsers.oidcSubject, claims.sub)))
    .limit(1);
  return row?.id ?? null;
}

/**
 * The audit row of a company sign-in, written like lib/staff/audit.ts writes staff changes (auth
 * sits below staff, so it does not import that module).
 */
async function auditStaffChange(
  tx: Tx,
  actor: ReturnType<typeof systemActor>,
  action: "staff.created" | "staff.identity_linked",
  staffId: string,
  details: Record<string, unknown>,
) {
  await tx.insert(auditLog).values({
    actorId: actorId(actor),
    action,
    entityType: "staff_user",
    entityId: staffId,
    details: { ...details, system: actor.name },
  });
}
