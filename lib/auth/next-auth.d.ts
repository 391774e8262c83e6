import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  /**
   * The session carries the staff id and the session version only; lib/auth/session.ts loads the
   * rest from the database and refuses a version that is no longer current.
   */
  interface Session {
    user: { id: string; sessionVersion?: number; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** staff_users.session_version at sign-in (lib/auth/session-version.ts). */
    sessionVersion?: number;
  }
}
