import { performance } from "node:perf_hooks";
import { loadActorWith } from "@/lib/auth/load-actor";
import { can } from "@/lib/auth/actor";
import { listKeyHealth } from "@/lib/key-health/list-key-health";
import { parseHealthParams } from "@/lib/key-health/health-params";
import { SHELL_FIGURES } from "@/lib/console/shell-facts";
import { getMerchantWorkspace, listTimeline } from "@/lib/onboarding/workspace";
import { listWorkQueue } from "@/lib/work-queue/list-work-queue";
import { queueFacets } from "@/lib/work-queue/queue-facets";
import { applyQueueDefaults, parseQueueParams } from "@/lib/work-queue/queue-params";
import { listAssignableStaff } from "@/lib/staff/list-assignable-staff";
import { currentSessionVersion } from "@/lib/auth/session-version";

/**
 * The database side of each page: the same verbs the page and the console layout call, in the
 * same order (the actor with the shell's counts and incident banner, then the page's own reads),
 * timed in-process.
 */
export type PageData = "queue" | "workspace" | "health";

export async function timePageData(
  page: PageData,
  staffId: string,
  query: Record<string, string>,
  runs: number,
  warmup: number,
) {
  const claims = { sub: staffId, sessionVersion: (await currentSessionVersion(staffId)) ?? 0 };
  const once = async () => {
    const { actor } = (await loadActorWith(claims, SHELL_FIGURES))!;
    if (page === "queue") {
      const params = applyQueueDefaults(parseQueueParams(query), actor);
      await Promise.all([listWorkQueue(actor, params), listAssignableStaff(actor), queueFacets(actor, params)]);
    } else if (page === "workspace") {
      await getMerchantWorkspace(actor, query.id!);
      await Promise.all([
        listTimeline(actor, query.id!),
        can(actor, "merchant:assign") ? listAssignableStaff(actor) : null,
      ]);
    } else await listKeyHealth(actor, parseHealthParams(query));
  };
  for (let i = 0; i < warmup; i++) await once();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once();
    ms.push(performance.now() - started);
  }
  return ms;
}
