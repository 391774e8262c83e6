import type { Metadata } from "next";
import Link from "next/link";
import { redirect, RedirectType } from "next/navigation";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { can } from "@/lib/auth/actor";
import { requirePagePermission } from "@/lib/auth/session";
import { listWorkQueue } from "@/lib/work-queue/list-work-queue";
import { queueFacets } from "@/lib/work-queue/queue-facets";
import { listAssignableStaff } from "@/lib/staff/list-assignable-staff";
import { toQueueTable, toStaffOptions } from "./_components/queue-rows";
import { QueueTable } from "./_components/queue-table";
import { applyQueueDefaults, isCanonicalQuery, parseQueueParams, serializeQueueParams } from "./search-params";

export const metadata: Metadata = { title: "Onboarding queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The onboarding queue. The URL is the table's state: parsed here (bad values fall back to
 * defaults), its statements run in parallel and the page renders once, with its rows. No
 * Suspense skeleton streamed first: the data takes a few ms of SQL, while rendering and shipping
 * a skeleton, then the table and its step counts in later chunks, cost every view CPU and bytes
 * (tests/bench/pages.ts; decision 0035).
 *
 * A URL that leaves a default implicit (the role's specialist scope, sort, page size) is
 * redirected to one that spells it out, so a copied URL shows the same rows to whoever opens it.
 * There is no loading.tsx here: the redirect must happen before streaming starts to be a 307.
 */
export default async function QueuePage({ searchParams }: Props) {
  const actor = await requirePagePermission("queue:read");
  const raw = await searchParams;
  const params = applyQueueDefaults(parseQueueParams(raw), actor);
  const canonical = serializeQueueParams(params);
  if (!isCanonicalQuery(raw, canonical)) redirect(`/queue?${canonical}`, RedirectType.replace);
  const facetsQuery = queueFacets(actor, params);
  const [queue, staff, facets] = await Promise.all([
    listWorkQueue(actor, params, { facets: facetsQuery }).then(toQueueTable),
    listAssignableStaff(actor).then(toStaffOptions),
    facetsQuery,
  ]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Onboarding queue</h1>
          <p className="text-sm text-muted-foreground">
            Every merchant, the step they are on, who owes the next move and for how long.
          </p>
        </div>
        {can(actor, "merchant:create") && (
          <Button asChild>
            <Link href="/merchants/new">
              <PlusIcon /> New merchant
            </Link>
          </Button>
        )}
      </div>
      <QueueTable
        queue={queue}
        staff={staff}
        facets={facets}
        params={params}
        defaults={applyQueueDefaults(parseQueueParams({}), actor)}
        viewer={{ id: actor.id, role: actor.role, mayAssignOthers: can(actor, "merchant:assign") }}
      />
    </div>
  );
}
