import { z } from "zod";
import { ROLES, type Role } from "./roles";

/**
 * Why a company sign-in is refused. The code travels in the login URL (`/login?error=<code>`), so
 * the page shows our own sentence for it and never echoes text from the URL.
 */
export const COMPANY_REFUSALS = [
  "CompanyDomainNotAllowed",
  "CompanyApprovalPending",
  "CompanyAccountDeactivated",
  "CompanyEmailUnverified",
  "CompanyIdentityConflict",
  "CompanyProfileIncomplete",
] as const;
export type CompanyRefusal = (typeof COMPANY_REFUSALS)[number];

/** The ID-token claims company sign-in reads; everything else the identity provider sends is ignored. */
export type CompanyClaims = {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
};

// Some providers send booleans as strings ("true"); anything else is "not verified".
const verifiedFlag = z.union([z.boolean(), z.literal("true").transform(() => true)]).catch(false);
const groupList = z
  .union([z.array(z.string()), z.string().transform((g) => [g])])
  .optional()
  .catch(undefined);

/** Reads the claims of a verified ID token; null when `sub` or a usable `email` is missing. */
export function readCompanyClaims(raw: Record<string, unknown>, groupsClaim: string): CompanyClaims | null {
  const parsed = z
    .object({
      iss: z.string().min(1),
      sub: z.string().min(1).max(255),
      email: z.string().trim().toLowerCase().pipe(z.email()),
      email_verified: verifiedFlag.optional(),
      name: z.string().trim().max(120).optional().catch(undefined),
    })
    .safeParse(raw);
  if (!parsed.success) return null;
  const { iss, sub, email, email_verified, name } = parsed.data;
  return {
    issuer: iss,
    subject: sub,
    email,
    emailVerified: email_verified ?? false,
    name: name || null,
    groups: groupList.parse(raw[groupsClaim]) ?? [],
  };
}

/** Whether `email`'s domain is one of `allowed` (exact match: "actenzo.com" does not admit "evil-actenzo.com"). */
export function emailDomainAllowed(email: string, allowed: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return allowed.includes(domain);
}

/** The most powerful role any of the person's groups grants, or null (the account then awaits approval). */
export function roleFromGroups(groups: readonly string[], mapping: ReadonlyArray<{ group: string; role: Role }>) {
  const granted = mapping.filter((m) => groups.includes(m.group)).map((m) => ROLES.indexOf(m.role));
  return granted.length ? ROLES[Math.max(...granted)]! : null;
}
