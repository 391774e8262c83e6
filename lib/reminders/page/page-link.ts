import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import type { Tx } from "@/db/client";
import { connectLinks, merchantPageLinks } from "@/db/schema";
import { LINK_LIFETIME_MS } from "@/lib/connect-links/link-state";
import { generateLinkToken, hashLinkToken } from "@/lib/connect-links/token";

/** How long a page link in a reminder works: longer than the gap between two reminders. */
export const PAGE_LINK_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export function pageUrl(token: string): string {
  return `${env.APP_URL.replace(/\/$/, "")}/m/${token}`;
}

/**
 * The connect-link token that belongs to a page token: derived (HMAC with the server secret), so
 * the page can embed the existing key/secret form (its own expiry, rate limit and verification)
 * while only hashes are stored and nothing needs decrypting.
 */
export function connectTokenFor(pageToken: string): string {
  return createHmac("sha256", env.NEXTAUTH_SECRET).update(`merchant-page:${pageToken}`).digest("base64url");
}

/**
 * A fresh signed link to the merchant's own page; the token is returned once, its hash stored.
 * With `withKeyForm` (a key step is open) the page's connect link is created alongside.
 */
export async function createPageLink(
  tx: Pick<Tx, "insert">,
  merchantId: string,
  options: { now?: Date; withKeyForm?: boolean } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const token = generateLinkToken();
  // Both inserts go out at once (pipelined on a transaction's connection): the mailer waits for
  // one round trip, not two.
  await Promise.all([
    tx.insert(merchantPageLinks).values({
      merchantId,
      tokenHash: hashLinkToken(token),
      expiresAt: new Date(now.getTime() + PAGE_LINK_LIFETIME_MS),
    }),
    options.withKeyForm &&
      tx.insert(connectLinks).values({
        merchantId,
        tokenHash: hashLinkToken(connectTokenFor(token)),
        expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS),
      }),
  ]);
  return token;
}
