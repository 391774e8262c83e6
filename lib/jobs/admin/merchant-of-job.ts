import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { merchantCredentials, merchants } from "@/db/schema";

const uuid = z.uuid();

/**
 * The merchant a job works for, from its ids-only payload: `merchantId` (health checks) or the
 * merchant of its `credentialId` (verifications). Ticks have none. A merchant deleted since is null.
 */
export async function merchantOfJob(data: Record<string, unknown>): Promise<{ id: string; shopName: string } | null> {
  const merchantId = uuid.safeParse(data.merchantId);
  if (merchantId.success) {
    const [row] = await db
      .select({ id: merchants.id, shopName: merchants.shopName })
      .from(merchants)
      .where(eq(merchants.id, merchantId.data));
    return row ?? null;
  }
  const credentialId = uuid.safeParse(data.credentialId);
  if (!credentialId.success) return null;
  const [row] = await db
    .select({ id: merchants.id, shopName: merchants.shopName })
    .from(merchantCredentials)
    .innerJoin(merchants, eq(merchants.id, merchantCredentials.merchantId))
    .where(eq(merchantCredentials.id, credentialId.data));
  return row ?? null;
}
