import { PERMISSION_GROUPS } from "@/lib/lightspeed/vocabulary";
import type { Principal } from "./auth";
import { isoTimestamp, link, type RequestContext } from "./envelope";
import type { RateSnapshot } from "./rate-limiter";
import type { AccountRoute } from "./routes";

/**
 * The account* resources. account.json follows the fixture cut from a live response (reference
 * §7); account/permissions.json follows the project contract unless the fixture asks for an
 * unrecognised shape, which the engine must survive.
 */
export function accountBody(
  route: AccountRoute,
  who: Principal,
  ctx: RequestContext,
  rate: RateSnapshot,
  shape: "contract" | "unrecognised",
) {
  if (route === "account") {
    return {
      account: {
        id: who.shop.id,
        appId: who.appId,
        apiKey: who.apiKey,
        signout: link(ctx, "account/signout", false),
        permissions: link(ctx, "account/permissions", false),
        ratelimit: link(ctx, "account/ratelimit", false),
        metafields: link(ctx, "account/metafields", false),
      },
    };
  }
  if (route === "account/permissions") {
    if (shape === "unrecognised") {
      // Another plausible shape (a list of scope strings): nothing here is a per-group boolean.
      return {
        accountPermissions: PERMISSION_GROUPS.flatMap((g) =>
          (["read", "write"] as const).filter((a) => who.permissions[g][a]).map((a) => `${g}_${a}`),
        ),
      };
    }
    return {
      accountPermissions: Object.fromEntries(
        PERMISSION_GROUPS.map((g) => [g, { read: who.permissions[g].read, write: who.permissions[g].write }]),
      ),
    };
  }
  const slot = (i: number) => ({
    limit: rate.limit[i],
    remaining: rate.remaining[i],
    reset: rate.resetSeconds[i],
    resetTime: isoTimestamp(rate.resetAt[i]!),
  });
  return { accountRatelimit: { limit5Min: slot(0), limitHour: slot(1), limitDay: slot(2) } };
}
