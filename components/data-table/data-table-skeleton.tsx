"use client";

// A client component so a Suspense fallback costs the RSC payload one reference, not ~9 KB of markup.
import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder with the table's shape while the first page loads. */
export function DataTableSkeleton({
  columns,
  rows = 10,
  filters = 4,
}: {
  columns: number;
  rows?: number;
  filters?: number;
}) {
  return (
    <div className="space-y-3" aria-busy="true" aria-label="Loading">
      <div className="flex gap-2">
        <Skeleton className="h-8 w-64" />
        {Array.from({ length: filters }, (_, i) => (
          <Skeleton key={i} className="h-8 w-28" />
        ))}
      </div>
      <div className="rounded-md border">
        <div className="flex gap-4 border-b p-3">
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} className="h-4 flex-1 opacity-70" />
          ))}
        </div>
        {/* One bar per row, not one per cell: the fallback is sent with every page view before the rows. */}
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="border-b p-3 last:border-0">
            <Skeleton className="h-5" />
          </div>
        ))}
      </div>
      <div className="flex justify-end">
        <Skeleton className="h-8 w-72" />
      </div>
    </div>
  );
}
