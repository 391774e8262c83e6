import "next-auth";

declare module "next-auth" {
  /** The session carries the staff id only; lib/auth/session.ts loads the rest from the database. */
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
  }
}
