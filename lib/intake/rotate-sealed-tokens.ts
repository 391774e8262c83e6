import "server-only";
import { and, asc, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
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
  const batchSize = options.batchSize ?? BATCH;
  let rotated = 0;
  let scanned = 0;
  for (let after: string | null = null; ;) {
    const ids: { id: string }[] = await db
      .select({ id: intakeMessages.id })
      .from(intakeMessages)
      .where(and(isNotNull(intakeMessages.tokensCiphertext), after ? gt(intakeMessages.id, after) : undefined))
      .orderBy(asc(intakeMessages.id))
      .limit(batchSize);
    if (ids.length === 0) break;
    after = ids.at(-1)!.id;
    scanned += ids.length;
    rotated += await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: intakeMessages.id, tokensCiphertext: intakeMessages.tokensCiphertext })
        .from(intakeMessages)
        .where(
          and(
            inArray(
              intakeMessages.id,
              ids.map((r) => r.id),
            ),
            isNotNull(intakeMessages.tokensCiphertext),
          ),
        )
        .for("update");
      let changed = 0;
      for (const row of rows) {
        const sealed = resealPayload(ring, row.tokensCiphertext!, tokensSlot(row.id), `intake message ${row.id}`);
        if (sealed === row.tokensCiphertext) continue;
        await tx.update(intakeMessages).set({ tokensCiphertext: sealed }).where(eq(intakeMessages.id, row.id));
        changed += 1;
      }
      return changed;
    });
  }
  return { rotated, scanned };
}
