import { asc, eq, gt, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials } from "@/db/schema";
import { currentKeyRing, resealPayload, type SecretSlot } from "@/lib/crypto/secret-box";

const BATCH = 200;

export type RotationReport = { rotated: number; scanned: number; activeKeyId: string };

/**
 * Re-encrypts every stored key and secret under the active key of the ring (`npm run
 * secrets:rotate`), so an old key can then be dropped from SECRETS_KEYRING. Payloads from before
 * associated data (0012) are re-sealed too, bound to their row and column, even when they already
 * use the active key. Works in batches, each in its own transaction with the rows locked, so a half
 * recorded meanwhile is never overwritten with a stale value. Up-to-date rows are left untouched.
 * A payload that does not open stops the run (nothing of it is printed): it needs a human.
 */
export async function rotateSecrets(options: { batchSize?: number } = {}): Promise<RotationReport> {
  const ring = currentKeyRing();
  const batchSize = options.batchSize ?? BATCH;
  const reseal = (payload: string | null, slot: SecretSlot) =>
    payload === null ? payload : resealPayload(ring, payload, slot, `credential ${slot.credentialId} (${slot.half})`);

  let rotated = 0;
  let scanned = 0;
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const ids = await db
      .select({ id: merchantCredentials.id })
      .from(merchantCredentials)
      .where(cursor ? gt(merchantCredentials.id, cursor) : undefined)
      .orderBy(asc(merchantCredentials.id))
      .limit(batchSize);
    if (ids.length === 0) break;
    after = ids.at(-1)!.id;
    scanned += ids.length;
    rotated += await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: merchantCredentials.id,
          keyCiphertext: merchantCredentials.keyCiphertext,
          secretCiphertext: merchantCredentials.secretCiphertext,
        })
        .from(merchantCredentials)
        .where(
          inArray(
            merchantCredentials.id,
            ids.map((r) => r.id),
          ),
        )
        .for("update");
      let changed = 0;
      for (const row of rows) {
        const keyCiphertext = reseal(row.keyCiphertext, { credentialId: row.id, half: "key" });
        const secretCiphertext = reseal(row.secretCiphertext, { credentialId: row.id, half: "secret" });
        if (keyCiphertext === row.keyCiphertext && secretCiphertext === row.secretCiphertext) continue;
        // updated_at stays: rotation changes no fact about the pair.
        await tx
          .update(merchantCredentials)
          .set({ keyCiphertext, secretCiphertext })
          .where(eq(merchantCredentials.id, row.id));
        changed += 1;
      }
      return changed;
    });
  }
  return { rotated, scanned, activeKeyId: ring.activeId };
}
