import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { currentSessionVersion, endSessionIfCurrent } from "@/lib/auth/session-version";
import { clientIp } from "./client-ip";
import { COMPANY_PROVIDER_ID, companyProvider } from "./company-provider";
import { readCompanyClaims, type CompanyRefusal } from "./company-sign-in-rules";
import { CompanySignInRefusedError, signInWithCompany, staffIdOfCompanyIdentity } from "./sign-in-with-company";
import { DEFAULT_CALLBACK_PATH, sameOriginPath } from "./safe-callback-url";
import { signInWithPassword } from "./sign-in";

const log = createLogger("auth");

/** Sessions are short so that a stolen cookie ages out within a working day. */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Email + password. Errors thrown from `authorize` reach the login form as `error`, which is why
 * only domain messages (never internals) are thrown from it.
 */
const passwordProvider = CredentialsProvider({
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(credentials, req) {
    try {
      const actor = await signInWithPassword({
        email: credentials?.email,
        password: credentials?.password,
        ip: clientIp(req?.headers ?? {}),
      });
      return { id: actor.id, email: actor.email, name: actor.name };
    } catch (error) {
      if (error instanceof DomainError) throw new Error(error.message);
      log.error("sign-in failed unexpectedly", { error });
      throw new Error("Sign-in is unavailable right now. Please try again in a moment.");
    }
  },
});

/**
 * next-auth v4: email + password and/or company sign-in (OpenID Connect, lib/auth/company-provider.ts),
 * JWT sessions. The token carries only the staff id and the session version; role, active flag,
 * approval and current version are re-read from the database on every request
 * (lib/auth/session.ts), so sign-out, role changes and deactivation apply at once, whichever way
 * the person signed in.
 */
export const authOptions: NextAuthOptions = {
  // Read lazily: `next build` evaluates this module without the server env.
  get secret() {
    return env.NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  // Read per request (like the secret): PASSWORD_SIGN_IN=off drops the credentials endpoint itself.
  get providers() {
    const company = companyProvider();
    return [...(env.PASSWORD_SIGN_IN === "on" ? [passwordProvider] : []), ...(company ? [company] : [])];
  },
  // next-auth's own diagnostics go through our logger (redacted JSON lines), never straight to the console.
  logger: {
    error: (code, metadata) => log.error(`next-auth ${code}`, { error: errorOf(metadata) }),
    warn: (code) => log.warn(`next-auth ${code}`),
    debug: () => undefined,
  },
  callbacks: {
    // Every redirect next-auth makes (sign-in, sign-out) stays on the console; see safe-callback-url.ts.
    redirect({ url, baseUrl }) {
      return new URL(sameOriginPath(url, baseUrl) ?? DEFAULT_CALLBACK_PATH, baseUrl).toString();
    },
    async signIn({ account, profile }) {
      if (account?.provider !== COMPANY_PROVIDER_ID) return true;
      try {
        const claims = readCompanyClaims({ ...profile }, env.OIDC_GROUPS_CLAIM);
        if (!claims) return loginWithError("CompanyProfileIncomplete");
        await signInWithCompany(claims);
        return true;
      } catch (error) {
        if (error instanceof CompanySignInRefusedError) return loginWithError(error.code);
        log.error("company sign-in failed unexpectedly", { error });
        return loginWithError("Callback");
      }
    },
    async jwt({ token, user, account, profile }) {
      if (user) {
        // A company sign-in's user id is the provider's subject; the session carries our staff id.
        token.sub =
          account?.provider === COMPANY_PROVIDER_ID
            ? ((await staffIdOfCompanyIdentity(profile)) ?? undefined)
            : user.id;
        if (!token.sub) throw new Error("Signed-in company identity has no staff account.");
        // Stamped once at sign-in; a bump (sign-out, deactivation, …) makes this token stale.
        token.sessionVersion = (await currentSessionVersion(token.sub)) ?? undefined;
      }
      return token;
    },
    session({ session, token }) {
      // Only id and version are trusted from the token; getActor() loads the rest from the database.
      session.user = {
        id: token.sub ?? "",
        sessionVersion: token.sessionVersion,
        name: session.user?.name,
        email: session.user?.email,
      };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      // Ends every copy of this session (a cookie copied before sign-out is refused after it).
      if (token?.sub && typeof token.sessionVersion === "number")
        await endSessionIfCurrent(token.sub, token.sessionVersion);
    },
  },
};

/** Refusals go back to the login page as a code; the page words it (never text from the URL). */
function loginWithError(code: CompanyRefusal | "Callback") {
  return new URL(`/login?error=${code}`, env.NEXTAUTH_URL).toString();
}

function errorOf(metadata: unknown) {
  if (metadata instanceof Error) return metadata;
  const inner = (metadata as { error?: unknown } | undefined)?.error;
  return inner instanceof Error ? inner : undefined;
}
