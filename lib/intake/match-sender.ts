import { and, eq, ilike, inArray, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import type { IntakeMatch } from "@/db/vocabulary/intake";

/**
 * Which merchant wrote: the per-merchant reply address a console email carried
 * (`access+<merchant id>@…` in To/Cc), then the contact email, then the sender's domain against
 * the shop domain. Anything else, or more than one candidate, goes to triage with a reason.
 * Cancelled merchants are not matched (their credentials can no longer be recorded).
 */
export type SenderMatch =
  { merchantId: string; matchedBy: IntakeMatch } | { merchantId: null; triageReason: string; candidates: string[] };

const PLUS_ID = /^[^@+]+\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/i;
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The sender's domain and its parents down to two labels (shop.wijnhuis.nl → wijnhuis.nl). */
export function domainCandidates(address: string): string[] {
  const domain = address
    .split("@")[1]
    ?.toLowerCase()
    .replace(/^www\./, "");
  if (!domain) return [];
  const labels = domain.split(".");
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i += 1) out.push(labels.slice(i).join("."));
  return out.flatMap((d) => [d, `www.${d}`]);
}

export async function matchSender(mail: { from: string | null; recipients: string[] }): Promise<SenderMatch> {
  const active = isNull(merchants.cancelledAt);
  const ids = [...new Set(mail.recipients.map((r) => PLUS_ID.exec(r)?.[1]?.toLowerCase()).filter(Boolean))];
  if (ids.length) {
    const rows = await db
      .select({ id: merchants.id })
      .from(merchants)
      .where(and(inArray(merchants.id, ids as string[]), active));
    if (rows.length === 1) return { merchantId: rows[0]!.id, matchedBy: "reply_address" };
  }
  if (!mail.from) return { merchantId: null, triageReason: "The message has no sender address.", candidates: [] };

  // ILIKE without wildcards: case-insensitive equality served by the contact email trigram index.
  const byContact = await db
    .select({ id: merchants.id })
    .from(merchants)
    .where(and(ilike(merchants.contactEmail, escapeLike(mail.from)), active))
    .limit(5);
  if (byContact.length === 1) return { merchantId: byContact[0]!.id, matchedBy: "contact_email" };
  if (byContact.length > 1)
    return {
      merchantId: null,
      triageReason: `${byContact.length} merchants have this contact email.`,
      candidates: byContact.map((r) => r.id),
    };

  const domains = domainCandidates(mail.from);
  if (domains.length) {
    const byDomain = await db
      .select({ id: merchants.id })
      .from(merchants)
      .where(and(or(...domains.map((d) => eq(merchants.shopDomain, d))), active))
      .limit(5);
    if (byDomain.length === 1) return { merchantId: byDomain[0]!.id, matchedBy: "shop_domain" };
    if (byDomain.length > 1)
      return {
        merchantId: null,
        triageReason: `${byDomain.length} merchants have a shop on this domain.`,
        candidates: byDomain.map((r) => r.id),
      };
  }
  return {
    merchantId: null,
    triageReason: "Unknown sender: no merchant has this email address or domain.",
    candidates: [],
  };
}
