import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { currentSessionVersion, endSessionIfCurrent } from "@/lib/auth/session-version";
import { clientIp } from "./client-ip";
import { DEFAULT_CALLBACK_PATH, sameOriginPath } from "./safe-callback-url";
import { signInWithPassword } from "./sign-in";

const log = createLogger("auth");

/** Sessions are short so that a stolen cookie ages out within a working day. */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * next-auth v4: email + password, JWT sessions. The token carries only the staff id and the
 * session version; role, active flag and current version are re-read from the database on every
 * request (lib/auth/session.ts), so sign-out, role changes and deactivation apply at once. Errors thrown from `authorize` reach the login form
 * as `error`, which is why only domain messages (never internals) are thrown from it.
 */
export const authOptions: NextAuthOptions = {
  // Read lazily: `next build` evaluates this module without the server env.
  get secret() {
    return env.NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
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
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes (sign-in, sign-out) stays on the console; see safe-callback-url.ts.
    redirect({ url, baseUrl }) {
      return new URL(sameOriginPath(url, baseUrl) ?? DEFAULT_CALLBACK_PATH, baseUrl).toString();
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        // Stamped once at sign-in; a bump (sign-out, deactivation, …) makes this token stale.
        token.sessionVersion = (await currentSessionVersion(user.id)) ?? undefined;
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
