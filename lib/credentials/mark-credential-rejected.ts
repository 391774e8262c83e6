import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { merchantCredentials } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { PENDING_STATUSES } from "./statuses";

/**
 * A verification refused a pending pair (bad pair, unticked checkboxes): it stays the pending
 * pair, marked rejected with the reason in plain words (never a secret), until the merchant fixes
 * the key (re-verify) or a new half starts a fresh pair. An active or superseded pair is left
 * alone: a live key that degrades is the health monitor's re-key flow, not a rejection here.
 */
export async function markCredentialRejected(tx: Tx, credentialId: string, reason: string): Promise<void> {
  const [row] = await tx
    .select({ status: merchantCredentials.status })
    .from(merchantCredentials)
    .where(eq(merchantCredentials.id, credentialId))
    .for("update");
  if (!row) throw new NotFoundError("Credential");
  if (!(PENDING_STATUSES as readonly string[]).includes(row.status)) return;
  await tx
    .update(merchantCredentials)
    .set({ status: "rejected", rejectionReason: reason.slice(0, 2000), updatedAt: new Date() })
    .where(eq(merchantCredentials.id, credentialId));
}
