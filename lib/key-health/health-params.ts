import { z } from "zod";
import { CLUSTERS } from "@/lib/lightspeed/clusters";
import type { RateLimitState } from "@/lib/lightspeed/vocabulary";
import { KEY_HEALTH_STATES } from "./states";

/**
 * /health's URL contract: `?state=rejected,permission_gap&cluster=eu1&page=2`. Pure and
 * client-safe; each field falls back on its own, so a stale URL shows a sensible view.
 */
const raw = z.union([z.string(), z.array(z.string())]).optional();
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const HEALTH_PAGE_SIZE = 50;

export const healthParamsSchema = z.object({
  state: raw
    .transform((v) => {
      const items = (Array.isArray(v) ? v : v ? [v] : []).flatMap((s) => s.split(","));
      return [
        ...new Set(
          items.filter((s): s is (typeof KEY_HEALTH_STATES)[number] =>
            (KEY_HEALTH_STATES as readonly string[]).includes(s),
          ),
        ),
      ];
    })
    .catch([]),
  cluster: z.preprocess(first, z.enum(CLUSTERS).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000)).catch(1),
});
export type HealthParams = z.infer<typeof healthParamsSchema>;

export function parseHealthParams(search: Record<string, string | string[] | undefined>): HealthParams {
  return healthParamsSchema.parse(search);
}

/** The URL for a view, with defaults left out. */
export function healthHref(params: Partial<HealthParams>): string {
  const query = new URLSearchParams();
  if (params.state?.length) query.set("state", params.state.join(","));
  if (params.cluster) query.set("cluster", params.cluster);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return text ? `/health?${text}` : "/health";
}

/** "287 of 300 left (5 min)"; the 5-minute window is the one a check competes for with the feed. */
export function headroomLabel(rateLimit: RateLimitState | null): string | null {
  if (!rateLimit) return null;
  const [limit] = rateLimit.limit;
  const [remaining] = rateLimit.remaining;
  return remaining < 0 ? `exhausted (resets in ${rateLimit.reset[0]} s)` : `${remaining} of ${limit} left per 5 min`;
}
