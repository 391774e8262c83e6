import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { listKeyHealth } from "@/lib/key-health/list-key-health";
import { HealthFilters } from "./_components/health-filters";
import { HealthPagination } from "./_components/health-pagination";
import { HealthTable } from "./_components/health-table";
import { parseHealthParams } from "./search-params";

export const metadata: Metadata = { title: "Key health" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every merchant's key: state, last and next check, rate-limit headroom, cluster; filters in the URL. */
export default async function HealthPage({ searchParams }: Props) {
  const actor = await requirePagePermission("health:read");
  const params = parseHealthParams(await searchParams);
  const { rows, total, counts } = await listKeyHealth(actor, params);

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Key health</h1>
        <p className="text-sm text-muted-foreground">
          Verified keys are checked lightly every ~6 hours and fully every day, spread over the day and slowed down when
          a key&apos;s rate limit is busy. An alert needs two failures of the same kind in a row.
        </p>
      </div>
      <HealthFilters params={params} counts={counts} />
      <HealthTable rows={rows} />
      <HealthPagination params={params} total={total} />
    </div>
  );
}
