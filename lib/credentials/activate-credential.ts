import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { connectLinks, merchantCredentials } from "@/db/schema";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { Cluster } from "@/lib/lightspeed/clusters";

/**
 * A pending pair verified healthy: it becomes the active pair and the previous active pair is
 * superseded, in the caller's transaction. Idempotent for a pair that is already active; refuses
 * a pair that was replaced by a newer one meanwhile (a late verification must not revive it).
 * `found` stores the cluster (and language) the engine found the key on. Every open connect link
 * of the merchant is spent with it: whoever holds an older link must not replace the new pair.
 */
export async function activateCredential(
  tx: Tx,
  credentialId: string,
  found: { cluster?: Cluster | null; language?: string | null } = {},
): Promise<void> {
  const [row] = await tx
    .select({
      id: merchantCredentials.id,
      merchantId: merchantCredentials.merchantId,
      status: merchantCredentials.status,
    })
    .from(merchantCredentials)
    .where(eq(merchantCredentials.id, credentialId))
    .for("update");
  if (!row) throw new NotFoundError("Credential");
  if (row.status === "active") return;
  if (row.status === "superseded") throw new RuleViolationError("This key and secret were replaced by a newer pair.");

  const now = new Date();
  // Supersede first: the partial unique index allows one active pair per merchant.
  await tx
    .update(merchantCredentials)
    .set({ status: "superseded", updatedAt: now })
    .where(
      and(
        eq(merchantCredentials.merchantId, row.merchantId),
        eq(merchantCredentials.status, "active"),
        ne(merchantCredentials.id, row.id),
      ),
    );
  await tx
    .update(merchantCredentials)
    .set({
      status: "active",
      verifiedAt: now,
      updatedAt: now,
      rejectionReason: null,
      ...(found.cluster ? { cluster: found.cluster } : {}),
      ...(found.language ? { language: found.language } : {}),
    })
    .where(eq(merchantCredentials.id, row.id));
  await tx
    .update(connectLinks)
    .set({ spentAt: now })
    .where(
      and(eq(connectLinks.merchantId, row.merchantId), isNull(connectLinks.spentAt), isNull(connectLinks.revokedAt)),
    );
}
