import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";

/**
 * The column values that end every session of a staff member: spread into the same update as the
 * change that requires it (deactivation, role or password change), so both commit together.
 */
export const endAllSessions = () => ({ sessionVersion: sql`${staffUsers.sessionVersion} + 1` });

/** The version a new session is stamped with (read at sign-in by the jwt callback). */
export async function currentSessionVersion(staffId: string, tx: Tx | typeof db = db): Promise<number | null> {
  const [row] = await tx
    .select({ v: staffUsers.sessionVersion })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId))
    .limit(1);
  return row?.v ?? null;
}

/**
 * Sign-out: bumps the version only when the signing-out token is still current, so an old copied
 * cookie cannot be used to sign its owner out elsewhere. Returns whether a session ended.
 */
export async function endSessionIfCurrent(staffId: string, sessionVersion: number): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ ...endAllSessions(), updatedAt: sql`now()` })
    .where(and(eq(staffUsers.id, staffId), eq(staffUsers.sessionVersion, sessionVersion)))
    .returning({ id: staffUsers.id });
  return rows.length > 0;
}
