import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, merchants } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { timeZoneSchema } from "@/lib/time/zones";
import { isZoneOfCountry } from "./merchant-time-zone";
import { refreshMerchantClocks } from "./refresh-merchant-clocks";

const inputSchema = z.object({ merchantId: z.uuid("Not a merchant id"), timeZone: timeZoneSchema });

/**
 * Sets the merchant's time zone (its calendar's clock); one of its country's zones. Audited; the
 * merchant's stored clocks are recomputed in the same transaction (merchant wait runs on this zone).
 */
export async function updateMerchantTimeZone(actor: Actor, input: { merchantId: string; timeZone: string }) {
  authorize(actor, "sla:manage");
  const { merchantId, timeZone } = parseInput(inputSchema, input);
  await db.transaction(async (tx) => {
    const [m] = await tx
      .select({ country: merchants.country, timeZone: merchants.timeZone })
      .from(merchants)
      .where(eq(merchants.id, merchantId))
      .for("update");
    if (!m) throw new NotFoundError("Merchant");
    if (!isZoneOfCountry(timeZone, m.country))
      throw new ValidationError("Choose a time zone of the merchant's country", {
        timeZone: ["Choose a time zone of the merchant's country"],
      });
    if (m.timeZone === timeZone) return;
    await tx.update(merchants).set({ timeZone }).where(eq(merchants.id, merchantId));
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "merchant.time_zone_changed",
      entityType: "merchant",
      entityId: merchantId,
      details: { from: m.timeZone, to: timeZone },
    });
    await refreshMerchantClocks(tx, merchantId);
  });
}
