import { PlusIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/actor";
import { requirePagePermission } from "@/lib/auth/session";
import { listQueue } from "@/lib/queue/list-queue";
import { queueFacets } from "@/lib/queue/queue-facets";
import { listAssignableStaff } from "@/lib/staff/list-assignable-staff";
import { QueueTable } from "./_components/queue-table";
import { parseQueueParams } from "./search-params";

export const metadata: Metadata = { title: "Onboarding queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The onboarding queue. The URL is the table's state: parsed here (bad values fall back to
 * defaults), the query started without awaiting, and its promise handed to the client table
 * under Suspense, so the shell paints at once and the rows stream in.
 */
export default async function QueuePage({ searchParams }: Props) {
  const actor = await requirePagePermission("queue:read");
  const params = parseQueueParams(await searchParams);
  const queue = listQueue(actor, params);
  const staff = listAssignableStaff(actor);
  const facets = queueFacets(actor, params);

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Onboarding queue</h1>
          <p className="text-sm text-muted-foreground">Every merchant, the step they are on, who owes the next move and for how long.</p>
        </div>
        {can(actor, "merchant:create") && (
          <Button asChild>
            <Link href="/merchants/new">
              <PlusIcon aria-hidden /> New merchant
            </Link>
          </Button>
        )}
      </div>
      <Suspense fallback={<DataTableSkeleton columns={8} />}>
        <QueueTable
          queue={queue}
          staff={staff}
          facets={facets}
          params={params}
          viewer={{ id: actor.id, role: actor.role, mayAssignOthers: can(actor, "merchant:assign") }}
        />
      </Suspense>
    </div>
  );
}
