"use client";

import {
  getCoreRowModel,
  useReactTable,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";
import type { QueueFacets } from "@/lib/work-queue/queue-facets";
import { fromWire, type QueueTableResult, type StaffOption } from "./queue-rows";
import { QUEUE_PAGE_SIZES, QUEUE_SORT_COLUMNS, serializeQueueParams, type QueueParams } from "../search-params";
import { BulkAssignBar } from "./bulk-assign-bar";
import { queueColumns } from "./queue-columns";
import { QueueToolbar } from "./queue-toolbar";
import { useQueueState, type QueueState } from "./use-queue-state";

type Props = {
  queue: QueueTableResult;
  staff: StaffOption[];
  facets: QueueFacets;
  params: QueueParams;
  /** The viewer's default view, for "Reset filters" and the empty states. */
  defaults: QueueParams;
  viewer: { id: string; role: Role; mayAssignOthers: boolean };
};

const apply = <T,>(updater: Updater<T>, old: T) =>
  typeof updater === "function" ? (updater as (o: T) => T)(old) : updater;

/** The onboarding queue: TanStack in server mode, every state change goes through the URL. */
export function QueueTable({ queue, staff, facets, params, defaults, viewer }: Props) {
  const { total, pageCount } = queue;
  const rows = useMemo(() => queue.rows.map(fromWire), [queue.rows]);
  const state = useQueueState(params, defaults);
  // The selection belongs to one view: a new filter, sort or page starts with nothing selected.
  const viewKey = serializeQueueParams(params);
  const [selection, setSelection] = useState<{ key: string; ids: RowSelectionState }>({ key: viewKey, ids: {} });
  const rowSelection = selection.key === viewKey ? selection.ids : {};

  const sorting: SortingState = [{ id: params.sort ?? "waitingSince", desc: params.dir === "desc" }];
  const pagination: PaginationState = { pageIndex: params.page - 1, pageSize: params.perPage };

  // TanStack rebuilds its table object each render; React Compiler skipping this component is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: queueColumns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    pageCount,
    state: { sorting, pagination, rowSelection },
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const [next] = apply(updater, sorting);
      const sort = QUEUE_SORT_COLUMNS.find((c) => c === next?.id);
      if (sort) state.setSort(sort, next?.desc ? "desc" : "asc");
    },
    onPaginationChange: (updater) => {
      const next = apply(updater, pagination);
      const size = QUEUE_PAGE_SIZES.find((s) => s === next.pageSize);
      if (size && size !== params.perPage) state.setPerPage(size);
      else state.setPage(next.pageIndex + 1);
    },
    onRowSelectionChange: (updater) => setSelection({ key: viewKey, ids: apply(updater, rowSelection) }),
  });

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  return (
    <div className="space-y-3">
      <QueueToolbar
        state={state}
        staff={staff}
        facets={facets}
        viewerId={viewer.id}
        actions={
          <BulkAssignBar
            merchantIds={selectedIds}
            viewer={viewer}
            staff={staff}
            onDone={() => setSelection({ key: viewKey, ids: {} })}
          />
        }
      />
      <DataTable
        table={table}
        pending={state.pending}
        empty={<EmptyQueue state={state} total={total} viewerId={viewer.id} />}
      />
      <DataTablePagination table={table} total={total} pageSizes={QUEUE_PAGE_SIZES} />
    </div>
  );
}

function EmptyQueue({ state, total, viewerId }: { state: QueueState; total: number; viewerId: string }) {
  const { params } = state;
  if (total > 0) {
    return (
      <div className="space-y-2">
        <p>This page is past the end of the list.</p>
        <Button variant="outline" size="sm" onClick={() => state.setPage(1)}>
          Go to the first page
        </Button>
      </div>
    );
  }
  if (params.specialist === viewerId && !state.isFiltered) {
    return (
      <div className="space-y-2">
        <p className="font-medium">No merchants are assigned to you.</p>
        <p className="text-muted-foreground">Pick up unassigned merchants to start onboarding them.</p>
        <Button variant="outline" size="sm" onClick={() => state.setFilters({ specialist: "unassigned" })}>
          Show unassigned merchants
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p className="font-medium">No merchants match this view.</p>
      {state.isFiltered && (
        <Button variant="outline" size="sm" onClick={state.reset}>
          Reset filters
        </Button>
      )}
    </div>
  );
}
