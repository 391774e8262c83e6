import { isIP } from "node:net";

/**
 * The client's address for per-address limits (sign-in, connect page, invites).
 *
 * `next start` does not tell route handlers or next-auth's `authorize` the peer address: Next
 * only fills `x-forwarded-for` from the socket when the request has none (`??=` in
 * next/dist/server/base-server.js), so a client's own header reaches us verbatim. We therefore
 * stamp the address at the socket (client-ip-stamp.ts, installed from instrumentation.ts): it
 * takes the chain `x-forwarded-for` + socket peer, trusts TRUSTED_PROXY_HOPS entries from the
 * right, and overwrites our own request header with the result. Route code reads only that.
 */
export const CLIENT_IP_HEADER = "x-actenzo-client-ip";
export const CLIENT_IP_PROOF_HEADER = "x-actenzo-client-ip-proof";

/** One shared bucket when the address is unknown: never a fresh budget per made-up value. */
export const UNKNOWN_CLIENT = "unknown";

/**
 * Pure rule: with 0 trusted hops the socket peer is the client and `x-forwarded-for` is ignored;
 * with N, the N-th address from the right of `x-forwarded-for, peer` (each trusted proxy appended
 * the address it saw). Shorter chains than claimed give the left-most address; anything that is
 * not an IP address gives UNKNOWN_CLIENT.
 */
export function resolveClientIp(
  forwardedFor: string | string[] | undefined,
  peer: string | undefined,
  trustedHops: number,
): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = trustedHops > 0 ? [...forwarded, peer ?? ""] : [peer ?? ""];
  const candidate = chain[Math.max(0, chain.length - 1 - trustedHops)] ?? "";
  return normalizeIp(candidate) ?? UNKNOWN_CLIENT;
}

/** An IPv4/IPv6 literal in one canonical spelling (IPv4-mapped IPv6 as plain IPv4), else null. */
export function normalizeIp(value: string): string | null {
  const bare = value.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1];
  const ip = mapped ?? bare;
  return isIP(ip) ? ip : null;
}

const proofHolder = globalThis as unknown as { __actenzoClientIpProof?: string };

/** Set once by the stamp; a header without this proof came from the client, not from us. */
export function setClientIpProof(proof: string) {
  proofHolder.__actenzoClientIpProof = proof;
}

/** The stamped client address of a request, or UNKNOWN_CLIENT if it was not stamped by us. */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const proof = proofHolder.__actenzoClientIpProof;
  if (!proof || get(CLIENT_IP_PROOF_HEADER) !== proof) return UNKNOWN_CLIENT;
  return normalizeIp(get(CLIENT_IP_HEADER) ?? "") ?? UNKNOWN_CLIENT;
}
