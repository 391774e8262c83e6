import { env } from "@/lib/env";
import type { Tx } from "@/db/client";
import { merchantPageLinks } from "@/db/schema";
import { generateLinkToken, hashLinkToken } from "@/lib/connect-links/token";

/** How long a page link in a reminder works: longer than the gap between two reminders. */
export const PAGE_LINK_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export function pageUrl(token: string): string {
  return `${env.APP_URL.replace(/\/$/, "")}/m/${token}`;
}

/** A fresh signed link to the merchant's own page; the token is returned once, its hash stored. */
export async function createPageLink(tx: Tx, merchantId: string, now = new Date()): Promise<string> {
  const token = generateLinkToken();
  await tx.insert(merchantPageLinks).values({
    merchantId,
    tokenHash: hashLinkToken(token),
    expiresAt: new Date(now.getTime() + PAGE_LINK_LIFETIME_MS),
  });
  return token;
}
