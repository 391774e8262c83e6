import "server-only";
import { z } from "zod";

/**
 * The versioned key ring for secrets at rest: SECRETS_KEYRING = "v1:<base64 32 bytes>,v2:…",
 * SECRETS_ACTIVE_KEY names the key new payloads are sealed with. Older keys stay in the ring so
 * existing rows decrypt until `npm run secrets:rotate` has re-encrypted them.
 */
export type KeyRing = { activeId: string; keys: ReadonlyMap<string, Buffer> };

/** Key ids end up as the payload prefix, so they must not contain the "." separator. */
const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "a key id is 1–32 letters, digits, '-' or '_'");

const keyBytes = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "is not base64")
  .transform((b64) => Buffer.from(b64, "base64"))
  .refine((bytes) => bytes.length === 32, "must decode to exactly 32 bytes (AES-256)");

export class KeyRingError extends Error {
  constructor(message: string) {
    super(`SECRETS_KEYRING / SECRETS_ACTIVE_KEY: ${message}`);
    this.name = "KeyRingError";
  }
}

/**
 * Parses the ring. Errors name the offending entry by position and id, never its key material.
 */
export function parseKeyRing(ringText: string, activeId: string): KeyRing {
  const keys = new Map<string, Buffer>();
  const entries = ringText
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new KeyRingError("the key ring is empty");

  entries.forEach((entry, index) => {
    const separator = entry.indexOf(":");
    const label = `entry ${index + 1}`;
    if (separator < 0) throw new KeyRingError(`${label} is not "id:base64key"`);
    const idText = entry.slice(0, separator);
    const id = keyId.safeParse(idText);
    if (!id.success) throw new KeyRingError(`${label} has a bad key id: ${id.error.issues[0]?.message}`);
    const bytes = keyBytes.safeParse(entry.slice(separator + 1));
    if (!bytes.success) throw new KeyRingError(`${label} ("${id.data}") key ${bytes.error.issues[0]?.message}`);
    if (keys.has(id.data)) throw new KeyRingError(`${label} repeats the key id "${id.data}"`);
    keys.set(id.data, bytes.data);
  });

  if (!keys.has(activeId)) {
    throw new KeyRingError(`the active key "${activeId}" is not in the ring (ids: ${[...keys.keys()].join(", ")})`);
  }
  return { activeId, keys };
}
