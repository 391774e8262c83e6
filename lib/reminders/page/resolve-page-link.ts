import { and, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { db } from "@/db/client";
import { merchantPageLinks, merchants } from "@/db/schema";
import { hashLinkToken, isWellFormedToken } from "@/lib/connect-links/token";

/** The merchant a page token opens: well formed, known, not expired, not revoked, merchant not cancelled. */
export async function resolvePageLink(token: string, tx?: Tx): Promise<{ linkId: string; merchantId: string } | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await (tx ?? db)
    .select({ linkId: merchantPageLinks.id, merchantId: merchantPageLinks.merchantId })
    .from(merchantPageLinks)
    .innerJoin(merchants, eq(merchants.id, merchantPageLinks.merchantId))
    .where(
      and(
        eq(merchantPageLinks.tokenHash, hashLinkToken(token)),
        gt(merchantPageLinks.expiresAt, new Date()),
        isNull(merchantPageLinks.revokedAt),
        isNull(merchants.cancelledAt),
      ),
    )
    .limit(1);
  return row ?? null;
}
