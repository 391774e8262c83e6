import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, connectLinks, merchants } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { sendMail } from "@/lib/mail/transport";
import { recordMerchantEvent } from "@/lib/onboarding";
import { LINK_LIFETIME_MS } from "./link-state";
import { connectLinkMail } from "./connect-link-mail";
import { generateLinkToken, hashLinkToken } from "./token";

const log = createLogger("connect-links");
const inputSchema = z.object({ merchantId: z.uuid("Not a merchant id"), emailMerchant: z.boolean().optional() });

export type CreatedConnectLink = { id: string; url: string; token: string; expiresAt: Date; emailedTo: string | null };

/**
 * Creates a one-time link on which the merchant enters key and secret (so the secret need not
 * travel by email). The token is returned once, for staff to copy, and only its hash is stored.
 * With `emailMerchant` the link is also mailed to the merchant's contact.
 */
export async function createConnectLink(
  actor: Actor,
  input: { merchantId: string; emailMerchant?: boolean },
): Promise<CreatedConnectLink> {
  authorize(actor, "connect-link:manage");
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Not a merchant id");
  const { merchantId, emailMerchant } = parsed.data;
  const token = generateLinkToken();
  const expiresAt = new Date(Date.now() + LINK_LIFETIME_MS);
  const url = `${env.APP_URL.replace(/\/$/, "")}/connect/${token}`;

  const { link, merchant } = await db.transaction(async (tx) => {
    const [merchant] = await tx
      .select({
        company: merchants.company,
        shopName: merchants.shopName,
        contactName: merchants.contactName,
        contactEmail: merchants.contactEmail,
        language: merchants.language,
        timeZone: merchants.timeZone,
        cancelledAt: merchants.cancelledAt,
      })
      .from(merchants)
      .where(eq(merchants.id, merchantId))
      .for("update");
    if (!merchant) throw new NotFoundError("Merchant");
    if (merchant.cancelledAt)
      throw new RuleViolationError("This merchant is cancelled; no connect link can be created.");
    const [link] = await tx
      .insert(connectLinks)
      .values({ merchantId, tokenHash: hashLinkToken(token), createdBy: actorId(actor), expiresAt })
      .returning({ id: connectLinks.id });
    if (!link) throw new Error("connect link insert returned no row");
    const evidence = {
      action: "created",
      linkId: link.id,
      expiresAt: expiresAt.toISOString(),
      emailed: !!emailMerchant,
    };
    await recordMerchantEvent(tx, { merchantId, actor, type: "connect_link", evidence });
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "connect_link.created",
      entityType: "connect_link",
      entityId: link.id,
      details: { merchantId, expiresAt: expiresAt.toISOString() },
    });
    return { link, merchant };
  });

  let emailedTo: string | null = null;
  if (emailMerchant) {
    // After the commit: a mail failure must not lose the link (staff still see the URL to copy).
    try {
      await sendMail({ to: merchant.contactEmail, merchantId, ...connectLinkMail({ ...merchant, url, expiresAt }) });
      emailedTo = merchant.contactEmail;
    } catch (error) {
      log.warn("connect link mail failed", { linkId: link.id, error });
    }
  }
  return { id: link.id, url, token, expiresAt, emailedTo };
}
