import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchantCredentials } from "@/db/schema";

/**
 * A complete pending pair is being (re-)verified, e.g. "Verify now" after the merchant ticked the
 * missing checkboxes on the same key. Returns false when the pair is not pending or incomplete.
 */
export async function markCredentialVerifying(tx: Tx, credentialId: string): Promise<boolean> {
  const rows = await tx
    .update(merchantCredentials)
    .set({ status: "verifying", updatedAt: new Date() })
    .where(
      and(
        eq(merchantCredentials.id, credentialId),
        inArray(merchantCredentials.status, ["collecting", "verifying", "rejected"]),
        isNotNull(merchantCredentials.keyCiphertext),
        isNotNull(merchantCredentials.secretCiphertext),
      ),
    )
    .returning({ id: merchantCredentials.id });
  return rows.length > 0;
}
