import { eq } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/db/client";
import { auditLog, merchantCredentials } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { openHalf } from "./credential-cipher";

const log = createLogger("credentials");

const revealSchema = z.object({
  credentialId: z.uuid("Not a credential id"),
  reason: textInput()
    .trim()
    .min(10, "Say why you need the secret (at least 10 characters).")
    .max(500, "At most 500 characters."),
});

/**
 * Decrypts one secret for a lead or admin who states why. The audit row (written before the
 * secret leaves) records who, when, which pair and the reason, never the secret itself.
 */
export async function revealSecret(
  actor: Actor,
  input: { credentialId: string; reason: string },
): Promise<{ secret: string }> {
  authorize(actor, "credentials:reveal");
  const { credentialId, reason } = parseInput(revealSchema, input);

  const ciphertext = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        merchantId: merchantCredentials.merchantId,
        fingerprint: merchantCredentials.keyFingerprint,
        secretCiphertext: merchantCredentials.secretCiphertext,
        status: merchantCredentials.status,
      })
      .from(merchantCredentials)
      .where(eq(merchantCredentials.id, credentialId))
      .limit(1);
    if (!row) throw new NotFoundError("Credential");
    if (!row.secretCiphertext) throw new RuleViolationError("The secret of this pair has not been received yet.");
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "credentials.reveal_secret",
      entityType: "merchant_credential",
      entityId: credentialId,
      details: { merchantId: row.merchantId, keyFingerprint: row.fingerprint, status: row.status, reason },
    });
    return row.secretCiphertext;
  });
  // The audit row stays even when the payload does not open: the attempt happened.
  const secret = openHalf(credentialId, "secret", ciphertext);
  log.info("secret revealed", { credentialId, actorId: actorId(actor) });
  return { secret };
}
