import { decryptSecret, encryptSecret, payloadKeyId, SecretBoxError, type SecretSlot } from "@/lib/crypto/secret-box";
import { DomainError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";

const log = createLogger("credentials");

export type CredentialHalfName = SecretSlot["half"];

/** A stored half that does not open: tampered, moved from another row or column, or its key left the ring. */
export class CredentialUnreadableError extends DomainError {
  constructor(half: CredentialHalfName, reason: string) {
    super(`The stored ${half} of this credential cannot be opened: ${reason} Record it again.`);
  }
}

/** Seals one half for its row and column (see lib/crypto/secret-box.ts for the associated data). */
export function sealHalf(credentialId: string, half: CredentialHalfName, plain: string): string {
  return encryptSecret(plain, { credentialId, half });
}

/**
 * Opens one half stored in row `credentialId`. Fails closed: a payload that does not open here is
 * never returned, and the failure is logged with the row, column and key id — never the payload.
 */
export function openHalf(credentialId: string, half: CredentialHalfName, payload: string): string {
  try {
    return decryptSecret(payload, { credentialId, half });
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    log.error("stored credential failed to decrypt", {
      credentialId,
      half,
      keyId: payloadKeyId(payload),
      reason: error.message,
    });
    throw new CredentialUnreadableError(half, error.message);
  }
}
