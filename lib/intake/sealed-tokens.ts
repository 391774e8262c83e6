import "server-only";
import { z } from "zod";
import { decryptSecret, encryptSecret, type SecretSlot } from "@/lib/crypto/secret-box";
import type { FoundToken } from "./extract-tokens";

/**
 * A triage message's tokens, sealed for its intake_messages row (AES-GCM, bound to the row id),
 * so a specialist can assign it later without the message staying in the mailbox. Slot "secret"
 * of the intake row's id: the row id is a fresh uuid, never a credential's, so a payload cannot
 * be moved between the two tables.
 */
const tokensSchema = z.array(
  z.object({ value: z.string(), label: z.enum(["key", "secret"]).nullable(), quoted: z.boolean() }),
);

/** The associated data a triage message's payload is bound to (also used by rotation). */
export const tokensSlot = (intakeMessageId: string): SecretSlot => ({ credentialId: intakeMessageId, half: "secret" });

export function sealTokens(intakeMessageId: string, tokens: FoundToken[]): string {
  return encryptSecret(JSON.stringify(tokens), tokensSlot(intakeMessageId));
}

export function openTokens(intakeMessageId: string, payload: string): FoundToken[] {
  return tokensSchema.parse(JSON.parse(decryptSecret(payload, tokensSlot(intakeMessageId))));
}
