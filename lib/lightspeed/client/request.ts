import { setTimeout as sleep } from "node:timers/promises";
import { createLogger } from "@/lib/logger";
import type { Cluster } from "../clusters";
import { exhaustedWindowWait, parseRateLimit } from "../rate-limit";
import type { RateLimitState } from "../vocabulary";
import { backoffDelayMs } from "./backoff";
import { baseUrlFor } from "./base-url";
import { LightspeedError } from "./errors";
import { checkSuccessBody } from "./response-body";

export const USER_AGENT = "ActenzoOnboardingConsole/0.1 (+ops@actenzo.test)";
/** One attempt plus at most two retries, whatever made us retry (5xx, network, timeout, short 429). */
export const MAX_ATTEMPTS = 3;
/** A 429 without a -1 slot is the per-second burst limit, which has no header: one second is enough. */
const BURST_WAIT_SECONDS = 1;
/** Added to a 429 wait: reset is whole seconds, so waiting exactly that long can land in the same window. */
const RESET_MARGIN_MS = 100;

const log = createLogger("lightspeed");

/** Shared by every request of one verification: what was sent and the last budget seen. */
export type RequestTally = { requests: number; rateLimit: RateLimitState | null };

export type RequestContext = {
  cluster: Cluster;
  language: string;
  key: string;
  secret: string;
  timeoutMs: number;
  maxWaitMs: number;
  tally: RequestTally;
};

export type LightspeedResponse = { body: Record<string, unknown>; rateLimit: RateLimitState | null };

type Outcome = { retry: true; waitMs: number; error: LightspeedError } | { retry: false; response: LightspeedResponse };

/** GET `/{language}/{resource}.json` on the context's cluster. Throws LightspeedError. */
export async function lightspeedGet(context: RequestContext, resource: string): Promise<LightspeedResponse> {
  const path = `/${context.language}/${resource}.json`;
  const url = `${baseUrlFor(context.cluster)}${path}`;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(context, url, path, attempt);
    if (!outcome.retry) return outcome.response;
    if (attempt >= MAX_ATTEMPTS) throw outcome.error;
    await sleep(outcome.waitMs);
  }
}

async function attemptOnce(context: RequestContext, url: string, path: string, attempt: number): Promise<Outcome> {
  const { cluster, tally } = context;
  const failure = (kind: LightspeedError["kind"], status: number | null, detail?: string) =>
    new LightspeedError(kind, cluster, path, status, detail);
  const startedAt = Date.now();
  tally.requests += 1;

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: "GET",
      // Built here and nowhere else, so the secret lives only inside this call.
      headers: {
        Authorization: `Basic ${Buffer.from(`${context.key}:${context.secret}`).toString("base64")}`,
        Accept: "application/json",
        "User-Agent": USER_AGENT,
      },
      // A redirect would be an unexpected host; never forward credentials to it.
      redirect: "manual",
      signal: AbortSignal.timeout(context.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    // Only a fixed word goes into the error: the fetch error object is never kept.
    const detail = timedOut ? `no answer within ${context.timeoutMs} ms` : "network error";
    log.debug("request failed", { cluster, path, attempt, detail, ms: Date.now() - startedAt });
    return { retry: true, waitMs: backoffDelayMs(attempt), error: failure("unreachable", null, detail) };
  }

  const { status } = response;
  const rateLimit = parseRateLimit(response.headers);
  if (rateLimit) tally.rateLimit = rateLimit;
  // Only answers worth a look are logged: a line per routine 200 costs more than it tells.
  if (status >= 400) log.debug("request refused", { cluster, path, attempt, status, ms: Date.now() - startedAt });

  if (status >= 200 && status < 300) {
    const checked = checkSuccessBody(text);
    if (!checked.ok) throw failure("bad_response", status, checked.reason);
    return { retry: false, response: { body: checked.body, rateLimit } };
  }
  if (status === 401) throw failure("unauthorized", status);
  if (status === 403) throw failure("forbidden", status);
  if (status === 404) throw failure("not_found", status);
  if (status === 429) {
    const waitSeconds = exhaustedWindowWait(rateLimit) ?? BURST_WAIT_SECONDS;
    const error = failure("rate_limited", status, `window resets in ${waitSeconds} s`);
    if (waitSeconds * 1000 > context.maxWaitMs) throw error;
    return { retry: true, waitMs: waitSeconds * 1000 + RESET_MARGIN_MS, error };
  }
  if (status >= 500) return { retry: true, waitMs: backoffDelayMs(attempt), error: failure("unreachable", status) };
  throw failure("bad_response", status);
}
