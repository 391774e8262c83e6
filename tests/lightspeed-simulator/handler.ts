import type { IncomingMessage } from "node:http";
import { basicCredentials, type Registry } from "./auth";
import type { DataStore } from "./data/store";
import { errorReply, type Reply } from "./envelope";
import type { FaultList } from "./faults";
import { rateLimitHeaders, TOO_MANY_REQUESTS, WINDOWS, type RateLimiter, type RateSnapshot } from "./rate-limiter";
import { serveResource } from "./resources";
import type { LoggedRequest, RateLimitWindow, SimClock, SimCluster } from "./types";

/** Everything the Lightspeed side of the simulator shares across both cluster ports. */
export type SimState = {
  registry: Registry;
  limiter: RateLimiter;
  store: DataStore;
  faults: FaultList;
  clock: SimClock;
  denialStatus: 401 | 403;
  disabledKeyStatus: 401 | 403;
  permissionsShape: "contract" | "unrecognised";
  /** Timers the simulator can cancel on close (delay faults, latency). */
  sleep: (ms: number) => Promise<void>;
};

export const INVALID_CREDENTIALS = "Invalid API credentials.";
const MAINTENANCE_PAGE =
  "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We'll be back soon</h1></body></html>";

/** Headers for a forced 429 when the caller is not a known key: full quota, -1 in the forced slot. */
function freshSnapshot(window: RateLimitWindow): RateSnapshot {
  return {
    limit: WINDOWS.map((w) => w.limit),
    remaining: WINDOWS.map((w) => (w.name === window ? -1 : w.limit)),
    resetSeconds: WINDOWS.map((w) => w.lengthMs / 1000),
    resetAt: WINDOWS.map(() => 0),
  };
}

/**
 * One Lightspeed API request: faults first (they model the network and the edge, not the API),
 * then authentication, the rate limit, and the resource.
 */
export async function handleApi(
  state: SimState,
  req: IncomingMessage,
  cluster: SimCluster,
  url: URL,
  entry: LoggedRequest,
): Promise<Reply> {
  const method = req.method ?? "GET";
  const ctx = { method, path: url.pathname };
  const credentials = basicCredentials(req.headers.authorization);
  entry.apiKey = credentials?.username ?? null;
  const plan = state.faults.plan({ cluster, method, path: url.pathname, apiKey: entry.apiKey });
  if (plan.delayMs > 0) await state.sleep(plan.delayMs);

  const auth = state.registry.authenticate(credentials, cluster);
  const fault = plan.terminal;
  if (fault) {
    if (fault.kind === "drop") return { status: 0, drop: true };
    const rateId = auth.ok ? auth.principal.rateId : null;
    if (fault.kind === "rate-limit") {
      const snapshot = rateId ? state.limiter.peek(rateId, fault.window) : freshSnapshot(fault.window);
      return { ...errorReply(429, ctx, TOO_MANY_REQUESTS), headers: rateLimitHeaders(snapshot) };
    }
    const headers = rateId ? rateLimitHeaders(state.limiter.peek(rateId)) : undefined;
    if (fault.kind === "non-json")
      return { status: 200, headers, raw: { contentType: "text/html; charset=utf-8", text: MAINTENANCE_PAGE } };
    return { ...errorReply(fault.status, ctx), headers };
  }

  // Pinned choice (reference open question 3): 401s for unknown, wrong-cluster or disabled keys
  // carry no X-RateLimit-* headers and spend no quota: there is no key to count against.
  if (!auth.ok) return errorReply(auth.reason === "disabled" ? state.disabledKeyStatus : 401, ctx, INVALID_CREDENTIALS);

  const { allowed, snapshot } = state.limiter.consume(auth.principal.rateId);
  const headers = rateLimitHeaders(snapshot);
  if (!allowed) return { ...errorReply(429, ctx, TOO_MANY_REQUESTS), headers };
  const host = req.headers.host ?? "localhost";
  const reply = await serveResource(state, req, auth.principal, url, host, state.clock.now(), snapshot);
  return { ...reply, headers: { ...reply.headers, ...headers } };
}
