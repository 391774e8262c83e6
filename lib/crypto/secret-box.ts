import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { parseKeyRing, type KeyRing } from "./key-ring";

/**
 * AES-256-GCM for Lightspeed keys and secrets at rest. Payload: "<keyId>.<iv>.<tag>.<ciphertext>"
 * (base64url parts, random 12-byte IV). The key id comes first so any key in the ring can open
 * old payloads and rotation can tell which rows still use a retired key.
 */
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

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

export function sealWith(ring: KeyRing, plain: string): string {
  const key = ring.keys.get(ring.activeId);
  if (!key) throw new SecretBoxError(`Active key "${ring.activeId}" missing from the ring.`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [ring.activeId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function openWith(ring: KeyRing, payload: string): string {
  const [id, ivText, tagText, ciphertextText, ...rest] = payload.split(".");
  if (!id || ivText === undefined || tagText === undefined || ciphertextText === undefined || rest.length > 0) {
    throw new SecretBoxError("Encrypted payload is malformed.");
  }
  const key = ring.keys.get(id);
  if (!key) throw new SecretBoxError(`Encrypted payload uses key "${id}", which is not in the key ring.`);
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError("Encrypted payload is malformed.");
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // Node's message is generic already; replace it so nothing about the payload travels on.
    throw new SecretBoxError("Encrypted payload failed authentication (tampered or wrong key).");
  }
}

/** The key id a payload was sealed with (rotation uses it to skip rows already under the active key). */
export function payloadKeyId(payload: string): string {
  return payload.slice(0, payload.indexOf("."));
}

export function encryptSecret(plain: string): string {
  return sealWith(currentKeyRing(), plain);
}

export function decryptSecret(payload: string): string {
  return openWith(currentKeyRing(), payload);
}
