import { asc, eq, gt, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials } from "@/db/schema";
import { resealInBatches } from "@/lib/crypto/reseal-in-batches";
import { currentKeyRing, resealPayload, type SecretSlot } from "@/lib/crypto/secret-box";

const BATCH = 200;

export type RotationReport = { rotated: number; scanned: number; activeKeyId: string };

/**
 * Re-encrypts every stored key and secret under the active key of the ring (`npm run
 * secrets:rotate`), so an old key can then be dropped from SECRETS_KEYRING. Payloads from before
 * associated data (0012) are re-sealed too, bound to their row and column, even when they already
 * use the active key. Batches with the rows locked (resealInBatches): a half recorded meanwhile is
 * never overwritten with a stale value.
 * A payload that does not open stops the run (nothing of it is printed): it needs a human.
 */
export async function rotateSecrets(options: { batchSize?: number } = {}): Promise<RotationReport> {
  const ring = currentKeyRing();
  const batchSize = options.batchSize ?? BATCH;
  const reseal = (payload: string | null, slot: SecretSlot) =>
    payload === null ? payload : resealPayload(ring, payload, slot, `credential ${slot.credentialId} (${slot.half})`);

  const { rotated, scanned } = await resealInBatches({
    batchSize,
    nextIds: async (after, limit) =>
      (
        await db
          .select({ id: merchantCredentials.id })
          .from(merchantCredentials)
          .where(after ? gt(merchantCredentials.id, after) : undefined)
          .orderBy(asc(merchantCredentials.id))
          .limit(limit)
      ).map((r) => r.id),
    lockRows: (tx, ids) =>
      tx
        .select({
          id: merchantCredentials.id,
          keyCiphertext: merchantCredentials.keyCiphertext,
          secretCiphertext: merchantCredentials.secretCiphertext,
        })
        .from(merchantCredentials)
        .where(inArray(merchantCredentials.id, ids))
        .for("update"),
    reseal: (row) => {
      const keyCiphertext = reseal(row.keyCiphertext, { credentialId: row.id, half: "key" });
      const secretCiphertext = reseal(row.secretCiphertext, { credentialId: row.id, half: "secret" });
      if (keyCiphertext === row.keyCiphertext && secretCiphertext === row.secretCiphertext) return null;
      return { keyCiphertext, secretCiphertext };
    },
    // updated_at stays: rotation changes no fact about the pair.
    write: async (tx, id, patch) => {
      await tx.update(merchantCredentials).set(patch).where(eq(merchantCredentials.id, id));
    },
  });
  return { rotated, scanned, activeKeyId: ring.activeId };
}
