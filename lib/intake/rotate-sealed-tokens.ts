import "server-only";
import { and, asc, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { resealInBatches } from "@/lib/crypto/reseal-in-batches";
import { currentKeyRing, resealPayload } from "@/lib/crypto/secret-box";
import { tokensSlot } from "./sealed-tokens";

const BATCH = 200;

export type TokenRotationReport = { rotated: number; scanned: number };

/**
 * `npm run secrets:rotate`, second half: re-seals the tokens kept for triage messages under the
 * ring's active key, still bound to their intake row (sealed-tokens.ts), so the old key can leave
 * the ring without making unassigned triage mail unreadable. Batches in their own transaction with
 * the rows locked: an assignment meanwhile (which drops the payload) is never undone.
 */
export async function rotateSealedTokens(options: { batchSize?: number } = {}): Promise<TokenRotationReport> {
  const ring = currentKeyRing();
  return resealInBatches({
    batchSize: options.batchSize ?? BATCH,
    nextIds: async (after, limit) =>
      (
        await db
          .select({ id: intakeMessages.id })
          .from(intakeMessages)
          .where(and(isNotNull(intakeMessages.tokensCiphertext), after ? gt(intakeMessages.id, after) : undefined))
          .orderBy(asc(intakeMessages.id))
          .limit(limit)
      ).map((r) => r.id),
    lockRows: (tx, ids) =>
      tx
        .select({ id: intakeMessages.id, tokensCiphertext: intakeMessages.tokensCiphertext })
        .from(intakeMessages)
        .where(and(inArray(intakeMessages.id, ids), isNotNull(intakeMessages.tokensCiphertext)))
        .for("update"),
    reseal: (row) => {
      const sealed = resealPayload(ring, row.tokensCiphertext!, tokensSlot(row.id), `intake message ${row.id}`);
      return sealed === row.tokensCiphertext ? null : { tokensCiphertext: sealed };
    },
    write: async (tx, id, patch) => {
      await tx.update(intakeMessages).set(patch).where(eq(intakeMessages.id, id));
    },
  });
}
