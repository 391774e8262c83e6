import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials } from "@/db/schema";
import { openHalf } from "./credential-cipher";

/**
 * The halves we hold for a merchant (its active and pending pairs, decrypted) and what it still
 * owes, for the mailbox intake to tell a new token from a repeated one. Server-side only: the
 * values must never be logged, stored elsewhere or sent to a browser.
 */
export type KnownHalves = { key: string[]; secret: string[]; owed: { key: boolean; secret: boolean } };

export async function loadKnownHalves(merchantId: string): Promise<KnownHalves> {
  const rows = await db
    .select()
    .from(merchantCredentials)
    .where(
      and(
        eq(merchantCredentials.merchantId, merchantId),
        inArray(merchantCredentials.status, ["active", "collecting", "verifying", "rejected"]),
      ),
    );
  const key: string[] = [];
  const secret: string[] = [];
  for (const row of rows) {
    if (row.keyCiphertext) key.push(openHalf(row.id, "key", row.keyCiphertext));
    if (row.secretCiphertext) secret.push(openHalf(row.id, "secret", row.secretCiphertext));
  }
  // A pair still collecting owes what it lacks; otherwise the next mail starts a new pair.
  const collecting = rows.find((r) => r.status === "collecting");
  const owed = collecting
    ? { key: !collecting.keyCiphertext, secret: !collecting.secretCiphertext }
    : { key: true, secret: true };
  return { key, secret, owed };
}
