import { env } from "@/lib/env";
import type { CompanyRefusal } from "./company-sign-in-rules";

/** What the login page offers (from env): the password form, the company button, or both. */
export type SignInMethods = { password: boolean; company: { name: string; domains: string[] } | null };

export function signInMethods(): SignInMethods {
  return {
    password: env.PASSWORD_SIGN_IN === "on",
    company: env.OIDC_ISSUER ? { name: env.OIDC_DISPLAY_NAME, domains: env.OIDC_ALLOWED_DOMAINS } : null,
  };
}

/**
 * The login page's sentence for a company sign-in that ended in `?error=<code>`; null for a code
 * that is not about company sign-in. next-auth's own codes (OAuthCallback, …) cover a token the
 * console refused (wrong audience, expired, bad signature) or a provider that did not answer.
 */
export function companySignInMessage(code: string, company: { name: string; domains: string[] }): string | null {
  const messages: Record<CompanyRefusal | "OAuthSignin" | "OAuthCallback" | "Callback" | "AccessDenied", string> = {
    CompanyDomainNotAllowed: `Sign-in with ${company.name} is only for addresses at ${orList(company.domains)}. Use your work account.`,
    CompanyApprovalPending:
      "Your account is waiting for an admin's approval. You can sign in once an admin has approved it on the Staff page.",
    CompanyAccountDeactivated: "This account is deactivated. Ask an admin if you need access again.",
    CompanyEmailUnverified: `An account with this email already exists, but ${company.name} has not verified the address, so it cannot be linked. Ask an admin.`,
    CompanyIdentityConflict: "An account with this email is already linked to another company identity. Ask an admin.",
    CompanyProfileIncomplete: `${company.name} did not send an email address for you. Ask your IT team to share it with the console.`,
    OAuthSignin: `${company.name} could not be reached. Please try again in a moment.`,
    OAuthCallback: `Sign-in with ${company.name} failed (the answer could not be verified). Please try again.`,
    Callback: `Sign-in with ${company.name} failed. Please try again in a moment.`,
    AccessDenied: `Sign-in with ${company.name} was cancelled or refused.`,
  };
  return (messages as Record<string, string>)[code] ?? null;
}

function orList(items: string[]) {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
