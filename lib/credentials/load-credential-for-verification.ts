import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials } from "@/db/schema";
import type { Cluster } from "@/lib/lightspeed/clusters";
import { openHalf } from "./credential-cipher";
import type { CredentialStatus } from "./statuses";

export type CredentialForVerification = {
  id: string;
  merchantId: string;
  key: string;
  secret: string;
  cluster: Cluster | null;
  language: string;
  status: CredentialStatus;
  /** Changes whenever a half changes: lets a job id name this exact pair. */
  version: number;
};

/**
 * The decrypted pair for the verification engine and health checks. Server-side only: the result
 * must never be logged, put in a job payload or sent to a browser. Null when the credential does
 * not exist or a half is still missing.
 */
export async function loadCredentialForVerification(credentialId: string): Promise<CredentialForVerification | null> {
  const [row] = await db.select().from(merchantCredentials).where(eq(merchantCredentials.id, credentialId)).limit(1);
  if (!row?.keyCiphertext || !row.secretCiphertext) return null;
  return {
    id: row.id,
    merchantId: row.merchantId,
    key: openHalf(row.id, "key", row.keyCiphertext),
    secret: openHalf(row.id, "secret", row.secretCiphertext),
    cluster: row.cluster,
    language: row.language,
    status: row.status,
    version: row.version,
  };
}
