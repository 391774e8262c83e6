"use client";

import {
  getCoreRowModel,
  useReactTable,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { DataTableCheckbox } from "@/components/data-table/data-table-checkbox";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { useNow } from "@/components/time/use-now";
import { useTimeZone } from "@/components/time/time-zone-provider";
import type { Role } from "@/lib/auth/roles";
import type { QueueFacets } from "@/lib/work-queue/queue-facets";
import { cn } from "@/lib/utils";
import { fromWire, type QueueTableResult, type StaffOption } from "./queue-rows";
import { QUEUE_PAGE_SIZES, QUEUE_SORT_COLUMNS, serializeQueueParams, type QueueParams } from "../search-params";
import { BulkAssignBar } from "./bulk-assign-bar";
import { queueColumns, type QueueColumnMeta } from "./queue-columns";
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

/**
 * The onboarding queue: a TanStack table in server mode (the server sorts and pages; TanStack
 * holds the sorting, paging and selection state and the columns), every state change through
 * the URL. Cells render as plain functions of the row (the column's `meta.render`), not one
 * component each through flexRender: each view's server render is the cost that bounds the page
 * at 10 users (tests/bench/pages.ts, decision 0040).
 */
export function QueueTable({ queue, staff, facets, params, defaults, viewer }: Props) {
  const { total, pageCount } = queue;
  const rows = useMemo(() => queue.rows.map(fromWire), [queue.rows]);
  const state = useQueueState(params, defaults);
  const router = useRouter();
  const clock = { now: useNow(), zone: useTimeZone() };
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
  const tableRows = table.getRowModel().rows;
  const selected = tableRows.filter((row) => row.getIsSelected()).map((row) => row.id);

  /** A plain click on a row's link navigates on the client, as <Link> would; modified clicks stay the browser's. */
  const navigate = (event: React.MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = (event.target as Element).closest("a[href^='/']");
    if (!link) return;
    event.preventDefault();
    router.push(link.getAttribute("href")!);
  };
  /** Prefetch a merchant when the pointer reaches its link (one handler for the table, not a <Link> per row). */
  const prefetch = (event: React.MouseEvent) => {
    const link = (event.target as Element).closest("a[href^='/']");
    if (link) router.prefetch(link.getAttribute("href")!);
  };

  return (
    <div className="space-y-3">
      <QueueToolbar
        state={state}
        staff={staff}
        facets={facets}
        viewerId={viewer.id}
        actions={
          <BulkAssignBar
            merchantIds={selected}
            viewer={viewer}
            staff={staff}
            onDone={() => table.resetRowSelection()}
          />
        }
      />
      <div className="rounded-md border" aria-busy={state.pending || undefined}>
        <Table>
          <thead data-slot="table-header" className="[&_tr]:border-b">
            <tr>
              <th style={{ width: 32 }}>
                <DataTableCheckbox
                  checked={table.getIsAllPageRowsSelected() || (table.getIsSomePageRowsSelected() && "indeterminate")}
                  onCheckedChange={(on) => table.toggleAllPageRowsSelected(on)}
                  aria-label="Select all on this page"
                />
              </th>
              {table.getFlatHeaders().map(({ column }) => {
                const sorted = column.getIsSorted();
                const { title } = column.columnDef.meta as QueueColumnMeta;
                return (
                  <th
                    key={column.id}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    <DataTableColumnHeader
                      title={title}
                      sorted={sorted}
                      onSort={(desc) => column.toggleSorting(desc)}
                    />
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody
            data-slot="table-body"
            className={cn("[&_tr:last-child]:border-0 transition-opacity", state.pending && "opacity-60")}
            onClick={navigate}
            onMouseOver={prefetch}
          >
            {tableRows.length ? (
              tableRows.map((row) => (
                <tr key={row.id} data-state={row.getIsSelected() ? "selected" : undefined}>
                  <td>
                    <DataTableCheckbox
                      checked={row.getIsSelected()}
                      onCheckedChange={(on) => row.toggleSelected(on)}
                      aria-label={`Select ${row.original.company}`}
                    />
                  </td>
                  {row.getAllCells().map(({ column }) => (
                    <td key={column.id}>{(column.columnDef.meta as QueueColumnMeta).render(row.original, clock)}</td>
                  ))}
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={queueColumns.length + 1} className="h-32 text-center whitespace-normal">
                  <EmptyQueue state={state} total={total} viewerId={viewer.id} />
                </td>
              </tr>
            )}
          </tbody>
        </Table>
      </div>
      <DataTablePagination
        page={params.page}
        pageCount={pageCount}
        pageSize={params.perPage}
        pageSizes={QUEUE_PAGE_SIZES}
        total={total}
        rowsOnPage={tableRows.length}
        selected={selected.length}
        onPage={(page) => table.setPageIndex(page - 1)}
        onPageSize={(size) => table.setPageSize(size)}
      />
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
