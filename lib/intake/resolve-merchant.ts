import { and, eq, ilike, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/parse-id";

/**
 * The merchant a specialist names in triage: its id, its shop domain or its contact email
 * (case-insensitive). Exactly one open merchant, or a ValidationError on the field.
 */
export async function resolveMerchant(query: string): Promise<{ id: string; shopName: string }> {
  const q = query
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/\/.*$/, "");
  if (!q) throw new ValidationError("Name the merchant.", { merchant: ["Enter a shop domain or contact email."] });
  const byId: boolean = isUuid(q);
  const where = byId
    ? eq(merchants.id, q)
    : q.includes("@")
      ? ilike(
          merchants.contactEmail,
          q.replace(/[\\%_]/g, (c) => `\\${c}`),
        )
      : or(eq(merchants.shopDomain, q), eq(merchants.shopDomain, `www.${q}`));
  const rows = await db
    .select({ id: merchants.id, shopName: merchants.shopName })
    .from(merchants)
    .where(and(where, isNull(merchants.cancelledAt)))
    .limit(2);
  if (rows.length === 1) return rows[0]!;
  const message = rows.length
    ? "More than one merchant matches; enter the shop domain."
    : "No open merchant has this shop domain or contact email.";
  throw new ValidationError(message, { merchant: [message] });
}
