import Link from "next/link";
import { Button } from "@/components/ui/button";
import { HEALTH_PAGE_SIZE, healthHref, type HealthParams } from "../search-params";

export function HealthPagination({ params, total }: { params: HealthParams; total: number }) {
  const pages = Math.max(1, Math.ceil(total / HEALTH_PAGE_SIZE));
  const from = total === 0 ? 0 : (params.page - 1) * HEALTH_PAGE_SIZE + 1;
  const to = Math.min(total, params.page * HEALTH_PAGE_SIZE);
  return (
    <div className="flex items-center justify-between text-sm text-muted-foreground">
      <span>
        {from}–{to} of {total}
      </span>
      <div className="flex gap-2">
        {params.page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={healthHref({ ...params, page: params.page - 1 })}>Previous</Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Previous
          </Button>
        )}
        {params.page < pages ? (
          <Button asChild variant="outline" size="sm">
            <Link href={healthHref({ ...params, page: params.page + 1 })}>Next</Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Next
          </Button>
        )}
      </div>
    </div>
  );
}
