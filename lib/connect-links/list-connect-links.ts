import { desc, eq } from "drizzle-orm";
import { parseId } from "@/lib/validation/parse-id";
import { lookupDb } from "@/db/client";
import { connectLinks } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { linkState, type LinkState } from "./link-state";

export type ConnectLinkView = {
  id: string;
  state: LinkState;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  spentAt: Date | null;
  lastAttemptAt: Date | null;
  attemptCount: number;
};

/** A merchant's most recent links with their state, for the workspace. Tokens are never readable. */
export async function listConnectLinks(actor: Actor, merchantId: string, limit = 10): Promise<ConnectLinkView[]> {
  authorize(actor, "merchant:read");
  parseId(merchantId, "Merchant");
  const rows = await lookupDb
    .select()
    .from(connectLinks)
    .where(eq(connectLinks.merchantId, merchantId))
    .orderBy(desc(connectLinks.createdAt))
    .limit(limit)
    // Prepared: the workspace reads it on every view (decision 0018).
    .prepare("connect_links")
    .execute();
  const now = new Date();
  return rows.map((row) => ({
    id: row.id,
    state: linkState(row, now),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    spentAt: row.spentAt,
    lastAttemptAt: row.lastAttemptAt,
    attemptCount: row.attemptCount,
  }));
}
