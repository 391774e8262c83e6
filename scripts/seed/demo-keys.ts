import { createHash } from "node:crypto";

/**
 * Deterministic Lightspeed credentials for demo merchants, derived from the shop domain, so the
 * seed, the encrypted credential rows and the simulator's keys always agree without storing
 * plaintext anywhere. Demo only: these are not secrets (the derivation is public).
 */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function derive(label: string, domain: string, length = 32): string {
  const digest = createHash("sha256").update(`actenzo-demo:${label}:${domain}`).digest();
  let out = "";
  for (let i = 0; out.length < length; i++) out += ALPHABET[digest[i % digest.length]! % ALPHABET.length];
  return out;
}

export function demoCredentials(shopDomain: string) {
  return { key: derive("key", shopDomain), secret: derive("secret", shopDomain) };
}

/** A stable positive shop id for the simulator (Lightspeed shop ids are integers). */
export function demoShopId(shopDomain: string): number {
  const digest = createHash("sha256").update(`actenzo-demo:shop:${shopDomain}`).digest();
  return 100_000 + (digest.readUInt32BE(0) % 9_000_000);
}
