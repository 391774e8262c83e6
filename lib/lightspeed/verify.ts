import { ValidationError } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import { CLUSTERS, type Cluster } from "./clusters";
import { isLightspeedError } from "./client/errors";
import { lightspeedGet, type RequestContext, type RequestTally } from "./client/request";
import { unwrapEnvelope } from "./client/response-body";
import { allGranted, missingGrants } from "./coverage";
import { connectionInput, type ConnectionInput } from "./input";
import { readGrants } from "./read-grants";
import { ACCOUNT_RESOURCE } from "./probes";
import { unknownGrants } from "./permissions-response";
import type { GrantName, Grants, RateLimitState, Verdict } from "./vocabulary";

export type VerifyInput = ConnectionInput;
/**
 * Which shop the key belongs to, as the API reports it: `account.json`'s id and `shop.json`'s
 * `mainDomain` and `title`. The engine only reports it; lib/verification decides what it means.
 */
export type ShopIdentity = { accountId: number; domain: string | null; title: string | null };
export type VerifyResult = {
  verdict: Verdict;
  cluster: Cluster | null;
  language: string;
  accountId: number | null;
  /** Null when account.json did not answer; `domain`/`title` null when shop.json was not readable. */
  shop: ShopIdentity | null;
  grants: Grants;
  missing: GrantName[];
  rateLimit: RateLimitState | null;
  requests: number;
  durationMs: number;
};

const log = createLogger("lightspeed.verify");

/** Validates engine input before any request; messages never echo the values. */
export function parseConnectionInput(input: ConnectionInput) {
  const parsed = connectionInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("Invalid Lightspeed connection input.", {
      ...Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), [issue.message]])),
    });
  }
  return parsed.data;
}

/** `account.json` answers `{"account": {"id": <int>, …}}`; the id identifies the shop's key. */
export function accountIdFrom(body: Record<string, unknown>): number | null {
  const account = unwrapEnvelope(body, "account");
  if (typeof account !== "object" || account === null) return null;
  const id = (account as { id?: unknown }).id;
  return typeof id === "number" && Number.isSafeInteger(id) ? id : null;
}

/** `shop.json` answers `{"shop": {"mainDomain": "…", "title": "…", …}}`; anything else is unknown. */
export function shopIdentityFrom(accountId: number, body: Record<string, unknown> | undefined): ShopIdentity {
  const shop = body ? unwrapEnvelope(body, "shop") : undefined;
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 255) : null);
  const fields = typeof shop === "object" && shop !== null ? (shop as { mainDomain?: unknown; title?: unknown }) : {};
  return { accountId, domain: text(fields.mainDomain)?.toLowerCase() ?? null, title: text(fields.title) };
}

/**
 * Full verification (project contract): account.json decides authentication on the given
 * cluster, or on eu1 then us1 (only when eu1 answered 401); then declared grants plus one
 * read probe per group. At most 8 requests on one cluster when nothing needs a retry.
 */
export async function verify(input: VerifyInput): Promise<VerifyResult> {
  const options = parseConnectionInput(input);
  const startedAt = performance.now();
  const tally: RequestTally = { requests: 0, rateLimit: null };
  const finish = (
    verdict: Verdict,
    cluster: Cluster | null,
    accountId: number | null,
    grants: Grants,
    shop: ShopIdentity | null = null,
  ): VerifyResult => {
    const result = {
      verdict,
      cluster,
      language: options.language,
      accountId,
      shop,
      grants,
      missing: missingGrants(grants),
      rateLimit: tally.rateLimit,
      requests: tally.requests,
      durationMs: Math.round(performance.now() - startedAt),
    };
    log.debug("verified", { verdict, cluster, requests: result.requests, durationMs: result.durationMs });
    return result;
  };

  const clusters: readonly Cluster[] = options.cluster ? [options.cluster] : CLUSTERS;
  for (const [index, cluster] of clusters.entries()) {
    const context: RequestContext = { ...options, cluster, tally };
    let accountBody: Record<string, unknown>;
    let budget: RateLimitState | null;
    try {
      ({ body: accountBody, rateLimit: budget } = await lightspeedGet(context, ACCOUNT_RESOURCE));
    } catch (error) {
      if (isLightspeedError(error, "unauthorized") && index < clusters.length - 1) continue;
      return finish(accountFailureVerdict(error), null, null, unknownGrants());
    }
    const accountId = accountIdFrom(accountBody);
    // A 2xx that is not the account the API sends: do not trust anything that follows.
    if (accountId === null) return finish("unreachable", null, null, unknownGrants());
    const { outcome, grants, shopBody } = await readGrants(context, budget);
    const verdict = outcome === "complete" ? (allGranted(grants) ? "healthy" : "incomplete_permissions") : outcome;
    return finish(verdict, cluster, accountId, grants, shopIdentityFrom(accountId, shopBody));
  }
  return finish("invalid_credentials", null, null, unknownGrants());
}

/** account.json refused: 401 (and 403, a disabled key) is the pair, the rest is the platform. */
export function accountFailureVerdict(error: unknown): Verdict {
  if (!isLightspeedError(error)) throw error;
  switch (error.kind) {
    case "unauthorized":
    case "forbidden":
      return "invalid_credentials";
    case "rate_limited":
      return "rate_limited";
    default:
      return "unreachable";
  }
}
