import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { parseKeyRing, type KeyRing } from "./key-ring";

/**
 * AES-256-GCM for Lightspeed keys and secrets at rest. Payload (base64url parts, random 12-byte IV):
 *   bound:  "<keyId>.b1.<iv>.<tag>.<ciphertext>"  — associated data "b1|<keyId>|<credentialId>|<half>"
 *   legacy: "<keyId>.<iv>.<tag>.<ciphertext>"     — no associated data (rows from before 0012)
 * The associated data ties a payload to its row, its column and its ring key: copied into another
 * row or column it no longer opens. The key id comes first so any key in the ring can open old
 * payloads and rotation can tell which rows still use a retired key or the legacy format.
 */
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BOUND = "b1";

/** Where a payload lives: the credential row and which half of the pair. */
export type SecretSlot = { credentialId: string; half: "key" | "secret" };

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

let cached: { source: string; ring: KeyRing } | undefined;

/** The ring from env, re-parsed whenever the env values change (tests switch keys). */
export function currentKeyRing(): KeyRing {
  const source = `${env.SECRETS_ACTIVE_KEY}|${env.SECRETS_KEYRING}`;
  if (cached?.source !== source) cached = { source, ring: parseKeyRing(env.SECRETS_KEYRING, env.SECRETS_ACTIVE_KEY) };
  return cached.ring;
}

function associatedData(keyId: string, slot: SecretSlot): Buffer {
  if (!slot.credentialId) throw new SecretBoxError("A sealed secret needs the id of its credential row.");
  return Buffer.from(`${BOUND}|${keyId}|${slot.credentialId}|${slot.half}`, "utf8");
}

export function sealWith(ring: KeyRing, plain: string, slot: SecretSlot): string {
  const key = ring.keys.get(ring.activeId);
  if (!key) throw new SecretBoxError(`Active key "${ring.activeId}" missing from the ring.`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(ring.activeId, slot));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    ring.activeId,
    BOUND,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

type ParsedPayload = { id: string; bound: boolean; iv: Buffer; tag: Buffer; ciphertext: Buffer };

function parsePayload(payload: string): ParsedPayload {
  const parts = payload.split(".");
  const bound = parts.length === 5 && parts[1] === BOUND;
  if (!bound && parts.length !== 4) throw new SecretBoxError("Encrypted payload is malformed.");
  const [id, ivText, tagText, ciphertextText] = bound ? [parts[0], parts[2], parts[3], parts[4]] : parts;
  if (!id || ivText === undefined || tagText === undefined || ciphertextText === undefined) {
    throw new SecretBoxError("Encrypted payload is malformed.");
  }
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError("Encrypted payload is malformed.");
  return { id, bound, iv, tag, ciphertext: Buffer.from(ciphertextText, "base64url") };
}

/**
 * Opens a payload stored in `slot`. A bound payload opens only in the slot it was sealed for; a
 * legacy payload (no associated data) still opens until `npm run secrets:rotate` re-seals it.
 */
export function openWith(ring: KeyRing, payload: string, slot: SecretSlot): string {
  const { id, bound, iv, tag, ciphertext } = parsePayload(payload);
  const key = ring.keys.get(id);
  if (!key) throw new SecretBoxError(`Encrypted payload uses key "${id}", which is not in the key ring.`);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    if (bound) decipher.setAAD(associatedData(id, slot));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    // Node's message is generic already; replace it so nothing about the payload travels on.
    throw new SecretBoxError(
      "Encrypted payload failed authentication (tampered, moved from another row or column, or wrong key).",
    );
  }
}

/** The key id a payload was sealed with (rotation uses it to skip rows already under the active key). */
export function payloadKeyId(payload: string): string {
  return payload.slice(0, payload.indexOf("."));
}

/** True for payloads from before associated data was added; rotation re-seals them. */
export function isLegacyPayload(payload: string): boolean {
  return payload.split(".")[1] !== BOUND;
}

/**
 * The payload re-sealed under the ring's active key, bound to `slot` (rotation), or the same
 * payload when it is already there. A payload that does not open throws a SecretBoxError naming
 * `label` (a row, never its content): it needs a human.
 */
export function resealPayload(ring: KeyRing, payload: string, slot: SecretSlot, label: string): string {
  if (payloadKeyId(payload) === ring.activeId && !isLegacyPayload(payload)) return payload;
  try {
    return sealWith(ring, openWith(ring, payload, slot), slot);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw new SecretBoxError(`${label}: ${error.message}`);
  }
}

export function encryptSecret(plain: string, slot: SecretSlot): string {
  return sealWith(currentKeyRing(), plain, slot);
}

export function decryptSecret(payload: string, slot: SecretSlot): string {
  return openWith(currentKeyRing(), payload, slot);
}
