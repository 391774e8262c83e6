import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER, CLIENT_IP_PROOF_HEADER, resolveClientIp, setClientIpProof } from "./client-ip";

const installed = globalThis as unknown as { __actenzoClientIpStamp?: boolean };

/**
 * Writes the resolved client address (client-ip.ts) onto every incoming request of this process,
 * at the socket, before Next sees it. Any client-sent value of our headers is overwritten. A
 * per-process random proof goes with it, so a request that arrived before this was installed
 * (its headers are the client's) reads as "unknown" instead of as the address it claims.
 * Installed once from instrumentation.ts (Node runtime); idempotent.
 */
export function installClientIpStamp() {
  if (installed.__actenzoClientIpStamp) return;
  installed.__actenzoClientIpStamp = true;
  const proof = randomBytes(18).toString("base64url");
  setClientIpProof(proof);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stamp(args[0] as IncomingMessage, proof);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

export function stamp(req: IncomingMessage, proof: string) {
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(
    req.headers["x-forwarded-for"],
    req.socket.remoteAddress,
    env.TRUSTED_PROXY_HOPS,
  );
  req.headers[CLIENT_IP_PROOF_HEADER] = proof;
}
