import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { connectLinks, merchants } from "@/db/schema";
import type { Cluster } from "@/lib/lightspeed/clusters";
import { linkState, type LinkState } from "./link-state";
import { hashLinkToken, isWellFormedToken } from "./token";

export type ConnectLinkContext =
  | {
      state: "valid";
      expiresAt: Date;
      merchant: { company: string; shopName: string; cluster: Cluster; language: string; timeZone: string };
    }
  | { state: Exclude<LinkState, "valid"> | "unknown" };

/**
 * What the public page may know about a token. Only a valid link reveals whose shop it is; other
 * states say nothing about the merchant, and nothing about staff ever leaves here.
 */
export async function getConnectLinkContext(token: string): Promise<ConnectLinkContext> {
  if (!isWellFormedToken(token)) return { state: "unknown" };
  const [row] = await db
    .select({
      expiresAt: connectLinks.expiresAt,
      revokedAt: connectLinks.revokedAt,
      spentAt: connectLinks.spentAt,
      company: merchants.company,
      shopName: merchants.shopName,
      cluster: merchants.cluster,
      language: merchants.language,
      timeZone: merchants.timeZone,
      cancelledAt: merchants.cancelledAt,
    })
    .from(connectLinks)
    .innerJoin(merchants, eq(merchants.id, connectLinks.merchantId))
    .where(eq(connectLinks.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!row) return { state: "unknown" };
  // A cancelled merchant's links stop working like revoked ones.
  const state = row.cancelledAt ? "revoked" : linkState(row);
  if (state !== "valid") return { state };
  return {
    state,
    expiresAt: row.expiresAt,
    merchant: {
      company: row.company,
      shopName: row.shopName,
      cluster: row.cluster,
      language: row.language,
      timeZone: row.timeZone,
    },
  };
}
