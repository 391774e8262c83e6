import type { Cluster } from "../clusters";

export const LIGHTSPEED_ERROR_KINDS = [
  "unauthorized",
  "forbidden",
  "rate_limited",
  "unreachable",
  "bad_response",
  "not_found",
] as const;
export type LightspeedErrorKind = (typeof LIGHTSPEED_ERROR_KINDS)[number];

/**
 * What the client throws. It carries only the kind, cluster, path and status: never the key,
 * the secret, headers or the underlying fetch error (whose request object could hold them).
 */
export class LightspeedError extends Error {
  constructor(
    public readonly kind: LightspeedErrorKind,
    public readonly cluster: Cluster,
    public readonly path: string,
    public readonly status: number | null,
    detail?: string,
  ) {
    super(
      `Lightspeed ${cluster} ${path}: ${kind}${status === null ? "" : ` (HTTP ${status})`}${detail ? `: ${detail}` : ""}`,
    );
    this.name = "LightspeedError";
  }
}

export function isLightspeedError(error: unknown, ...kinds: LightspeedErrorKind[]): error is LightspeedError {
  return error instanceof LightspeedError && (kinds.length === 0 || kinds.includes(error.kind));
}
