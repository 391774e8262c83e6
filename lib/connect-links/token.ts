import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: unguessable, and safe in a URL path without escaping. */
export function generateLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Only this hash is stored: a database leak does not hand out working links. sha-256 (not a slow
 * password hash) is enough because the token has 256 bits of entropy.
 */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as the page receives it: reject anything that cannot be ours before touching the DB. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
