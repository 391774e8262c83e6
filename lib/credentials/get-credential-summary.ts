import { and, eq, inArray } from "drizzle-orm";
import { parseId } from "@/lib/validation/parse-id";
import { lookupDb } from "@/db/client";
import { merchantCredentials, type MerchantCredential } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Cluster } from "@/lib/lightspeed/clusters";
import { PENDING_STATUSES, type CredentialStatus } from "./statuses";

/** What screens may know about a pair: fingerprint, which halves are present, status. Never secrets. */
export type CredentialView = {
  id: string;
  status: CredentialStatus;
  keyFingerprint: string | null;
  hasKey: boolean;
  hasSecret: boolean;
  keyReceivedAt: Date | null;
  secretReceivedAt: Date | null;
  cluster: Cluster | null;
  language: string;
  rejectionReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  verifiedAt: Date | null;
};

export function toCredentialView(row: MerchantCredential): CredentialView {
  return {
    id: row.id,
    status: row.status,
    keyFingerprint: row.keyFingerprint,
    hasKey: row.keyCiphertext !== null,
    hasSecret: row.secretCiphertext !== null,
    keyReceivedAt: row.keyReceivedAt,
    secretReceivedAt: row.secretReceivedAt,
    cluster: row.cluster,
    language: row.language,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    verifiedAt: row.verifiedAt,
  };
}

/** The merchant's active pair and its pending replacement (if any), for the workspace. */
export async function getCredentialSummary(
  actor: Actor,
  merchantId: string,
): Promise<{ active: CredentialView | null; pending: CredentialView | null }> {
  authorize(actor, "merchant:read");
  parseId(merchantId, "Merchant");
  const rows = await lookupDb
    .select()
    .from(merchantCredentials)
    .where(
      and(
        eq(merchantCredentials.merchantId, merchantId),
        inArray(merchantCredentials.status, ["active", ...PENDING_STATUSES]),
      ),
    )
    // Prepared: the workspace reads it on every view (decision 0018).
    .prepare("credential_summary")
    .execute();
  const active = rows.find((r) => r.status === "active");
  const pending = rows.find((r) => r.status !== "active");
  return { active: active ? toCredentialView(active) : null, pending: pending ? toCredentialView(pending) : null };
}
