import { isLightspeedError } from "./client/errors";
import { lightspeedGet, type RequestContext } from "./client/request";
import { parseDeclaredGrants, unknownGrants } from "./permissions-response";
import { PERMISSIONS_RESOURCE, READ_PROBES } from "./probes";
import { reserveReached } from "./rate-limit";
import { PERMISSION_GROUPS, type Grants, type RateLimitState } from "./vocabulary";

export type GrantsOutcome = {
  outcome: "complete" | "rate_limited" | "unreachable";
  grants: Grants;
  /** The settings probe's body (`shop.json`) when it answered 2xx: who the key belongs to. */
  shopBody?: Record<string, unknown>;
};

/**
 * After account.json succeeded on `context.cluster`: declared grants, then one read probe per
 * group whose answer wins over the declaration (2xx = granted, 401/403 = denied). Before each
 * request, stops if it would leave less than 10 % of the 5-minute window (`budget` starts as
 * account.json's headers and follows every response on this cluster).
 */
export async function readGrants(context: RequestContext, budget: RateLimitState | null): Promise<GrantsOutcome> {
  let grants = unknownGrants();
  let shopBody: Record<string, unknown> | undefined;
  // Follow only headers that arrive from now on (object identity), never a stale state
  // left in the tally by another cluster's 401.
  let lastSeen = context.tally.rateLimit;
  const sinceLastCall = () => {
    if (context.tally.rateLimit !== lastSeen) budget = lastSeen = context.tally.rateLimit;
  };

  if (reserveReached(budget)) return { outcome: "rate_limited", grants };
  try {
    grants = parseDeclaredGrants((await lightspeedGet(context, PERMISSIONS_RESOURCE)).body);
  } catch (error) {
    const stop = stopOn(error);
    if (stop) return { outcome: stop, grants };
    // Refused or missing: the declaration stays unknown; probes still settle the reads.
  } finally {
    sinceLastCall();
  }

  for (const group of PERMISSION_GROUPS) {
    if (reserveReached(budget)) return { outcome: "rate_limited", grants };
    try {
      const { body } = await lightspeedGet(context, READ_PROBES[group]);
      grants[group] = { ...grants[group], read: true };
      if (group === "settings") shopBody = body;
    } catch (error) {
      const stop = stopOn(error);
      if (stop) return { outcome: stop, grants };
      // 401 or 403 here means this group is denied; a 404 settles nothing, so the declaration stands.
      if (isLightspeedError(error, "unauthorized", "forbidden")) grants[group] = { ...grants[group], read: false };
    } finally {
      sinceLastCall();
    }
  }
  return { outcome: "complete", grants, shopBody };
}

/** Errors that end the whole verification rather than settle one grant. */
function stopOn(error: unknown): "rate_limited" | "unreachable" | null {
  if (!isLightspeedError(error)) throw error;
  if (error.kind === "rate_limited") return "rate_limited";
  if (error.kind === "unreachable" || error.kind === "bad_response") return "unreachable";
  return null;
}
