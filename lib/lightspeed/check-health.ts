import { createLogger } from "@/lib/logger";
import type { Cluster } from "./clusters";
import { isLightspeedError } from "./client/errors";
import { lightspeedGet, type RequestTally } from "./client/request";
import { ACCOUNT_RESOURCE } from "./probes";
import type { RateLimitState } from "./vocabulary";
import { accountIdFrom, parseConnectionInput } from "./verify";

export type HealthCheckInput = {
  key: string;
  secret: string;
  cluster: Cluster;
  language?: string;
  timeoutMs?: number;
  maxWaitMs?: number;
};
export type HealthCheckResult = {
  state: "ok" | "invalid_credentials" | "rate_limited" | "unreachable";
  accountId: number | null;
  rateLimit: RateLimitState | null;
  requests: number;
  durationMs: number;
};

const log = createLogger("lightspeed.health");

/**
 * The periodic light check: one `account.json` on the key's known cluster (no discovery, no
 * probes), returning auth state and the budget so the scheduler can back off. Only a 5xx,
 * network error or short 429 makes the client send the same request again.
 */
export async function checkHealth(input: HealthCheckInput): Promise<HealthCheckResult> {
  const options = parseConnectionInput(input);
  const cluster = input.cluster;
  const startedAt = performance.now();
  const tally: RequestTally = { requests: 0, rateLimit: null };
  let state: HealthCheckResult["state"];
  let accountId: number | null = null;
  try {
    const { body } = await lightspeedGet({ ...options, cluster, tally }, ACCOUNT_RESOURCE);
    accountId = accountIdFrom(body);
    state = accountId === null ? "unreachable" : "ok";
  } catch (error) {
    if (!isLightspeedError(error)) throw error;
    state =
      error.kind === "unauthorized" || error.kind === "forbidden"
        ? "invalid_credentials"
        : error.kind === "rate_limited"
          ? "rate_limited"
          : "unreachable";
  }
  const durationMs = Math.round(performance.now() - startedAt);
  log.debug("health checked", { cluster, state, requests: tally.requests, durationMs });
  return { state, accountId, rateLimit: tally.rateLimit, requests: tally.requests, durationMs };
}
