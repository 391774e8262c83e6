import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function QueueLoading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-8 w-64" />
      <DataTableSkeleton columns={8} />
    </div>
  );
}
