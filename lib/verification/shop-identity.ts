import type { ShopIdentity } from "@/lib/lightspeed/verify";

/**
 * Does a healthy pair belong to this merchant's shop? Pure; record-verification.ts asks it before
 * a pair may become active. The first healthy pair pins the Lightspeed account; later pairs must
 * be of the same account (a key belongs to one shop, and the account id cannot be mistyped).
 * The domain is only compared at that first pin: a shop may move domains, and the sign-up form's
 * domain is typed by a person, so a mismatch is a question for a specialist, not a refusal.
 */
export type PinnedIdentity = { accountId: number | null; domain: string | null };

export type IdentityJudgement =
  | { kind: "same_shop" }
  | { kind: "pin" }
  | { kind: "review"; message: string }
  | { kind: "other_shop"; message: string };

/** `https://www.Shop.com/` → `shop.com`: what people type and what the API reports, made comparable. */
export function normalizeDomain(domain: string | null | undefined): string | null {
  if (!domain) return null;
  const host = domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .split(/[/?#]/)[0]!
    .replace(/:\d+$/, "")
    .replace(/^www\./, "")
    .replace(/\.$/, "");
  return host || null;
}

/** "Maison du Vin Quebec (maisonduvin.ca)", or the account number when the shop did not say more. */
export function describeShop(shop: { accountId: number; domain: string | null; title: string | null }): string {
  if (shop.title && shop.domain) return `${shop.title} (${shop.domain})`;
  return shop.domain ?? shop.title ?? `Lightspeed shop ${shop.accountId}`;
}

export function judgeShopIdentity(input: {
  pinned: PinnedIdentity;
  signupDomain: string;
  reported: ShopIdentity;
}): IdentityJudgement {
  const { pinned, reported } = input;
  if (pinned.accountId !== null) {
    if (pinned.accountId === reported.accountId) return { kind: "same_shop" };
    return {
      kind: "other_shop",
      message: `This API key belongs to another Lightspeed shop: ${describeShop(reported)}, not ${pinned.domain ?? input.signupDomain}. Please create the key in the back office of ${pinned.domain ?? input.signupDomain} and send that key and its secret.`,
    };
  }
  const reportedDomain = normalizeDomain(reported.domain);
  if (reportedDomain && reportedDomain !== normalizeDomain(input.signupDomain)) {
    return {
      kind: "review",
      message: `Lightspeed says this key belongs to ${describeShop(reported)}, but the merchant signed up with ${input.signupDomain}. A specialist must confirm it is the merchant's shop before the key is used.`,
    };
  }
  return { kind: "pin" };
}
