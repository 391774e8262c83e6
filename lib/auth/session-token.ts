import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** jose's leeway on `exp` in next-auth's decode, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 15;
/** Enough for every signed-in browser of a team; the oldest entry goes first past it. */
const MAX_ENTRIES = 1_000;
/** By salt and token; the secret is kept to compare, so a changed secret never reuses an entry. */
const decoded = new Map<string, { secret: JWTDecodeParams["secret"]; claims: JWT }>();

/**
 * next-auth's session-token decode, remembered per token string for this process. Each decode
 * derived the encryption key with HKDF and decrypted the JWE; the proxy and the page both did
 * that on every page view (~2 ms of CPU per view in tests/bench/pages.ts profiles). A token is
 * immutable, so the same string decodes to the same claims; only its expiry is time-dependent
 * and is checked again on every hit, as jose does. Nothing here decides who is signed in:
 * loadActor() still checks the claims against staff_users on every request.
 */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt = "" } = params;
  if (!token) return null;
  const key = `${salt}\u0000${token}`;
  const hit = decoded.get(key);
  if (hit?.secret === secret) {
    if (!isExpired(hit.claims)) return hit.claims;
    decoded.delete(key);
    return null;
  }
  const claims = await decode(params);
  if (claims && !isExpired(claims)) {
    if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value as string);
    decoded.set(key, { secret, claims: Object.freeze(claims) });
  }
  return claims;
}

function isExpired(claims: JWT): boolean {
  return typeof claims.exp === "number" && claims.exp <= Date.now() / 1000 - CLOCK_TOLERANCE_SECONDS;
}
