"use client";

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
import { QUEUE_PAGE_SIZES, serializeQueueParams, type QueueParams } from "../search-params";
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

/**
 * The onboarding queue, a server-paginated and server-sorted table whose every state change goes
 * through the URL. Plain markup rather than a table library: the server sorts and pages, so what
 * is left is headers that write `?sort=`, a checkbox per row and the cells, and each view's
 * server render is the cost that bounds the page at 10 users (tests/bench/pages.ts, decision 0040).
 */
export function QueueTable({ queue, staff, facets, params, defaults, viewer }: Props) {
  const { total, pageCount } = queue;
  const rows = useMemo(() => queue.rows.map(fromWire), [queue.rows]);
  const state = useQueueState(params, defaults);
  const router = useRouter();
  const clock = { now: useNow(), zone: useTimeZone() };
  // The selection belongs to one view: a new filter, sort or page starts with nothing selected.
  const viewKey = serializeQueueParams(params);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({
    key: viewKey,
    ids: new Set(),
  });
  const selected = selection.key === viewKey ? selection.ids : new Set<string>();
  const select = (ids: Iterable<string>) => setSelection({ key: viewKey, ids: new Set(ids) });
  const toggle = (id: string, on: boolean) =>
    select(on ? [...selected, id] : [...selected].filter((other) => other !== id));
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = !allSelected && rows.some((r) => selected.has(r.id));
  const sortedBy = params.sort ?? "waitingSince";

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
        actions={<BulkAssignBar merchantIds={[...selected]} viewer={viewer} staff={staff} onDone={() => select([])} />}
      />
      <div className="rounded-md border" aria-busy={state.pending || undefined}>
        <Table>
          <thead data-slot="table-header" className="[&_tr]:border-b">
            <tr>
              <th style={{ width: 32 }}>
                <DataTableCheckbox
                  checked={allSelected || (someSelected && "indeterminate")}
                  onCheckedChange={(on) => select(on ? rows.map((r) => r.id) : [])}
                  aria-label="Select all on this page"
                />
              </th>
              {queueColumns.map((column) => {
                const sorted = column.id === sortedBy && params.dir;
                return (
                  <th
                    key={column.id}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    <DataTableColumnHeader
                      title={column.title}
                      sorted={sorted}
                      onSort={(desc) => state.setSort(column.id, desc ? "desc" : "asc")}
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
            {rows.length ? (
              rows.map((m) => {
                const isSelected = selected.has(m.id);
                return (
                  <tr key={m.id} data-state={isSelected ? "selected" : undefined}>
                    <td>
                      <DataTableCheckbox
                        checked={isSelected}
                        onCheckedChange={(on) => toggle(m.id, on)}
                        aria-label={`Select ${m.company}`}
                      />
                    </td>
                    {queueColumns.map((column) => (
                      <td key={column.id}>{column.cell(m, clock)}</td>
                    ))}
                  </tr>
                );
              })
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
        rowsOnPage={rows.length}
        selected={rows.filter((r) => selected.has(r.id)).length}
        onPage={(page) => state.setPage(page)}
        onPageSize={(size) => {
          const perPage = QUEUE_PAGE_SIZES.find((s) => s === size);
          if (perPage && perPage !== params.perPage) state.setPerPage(perPage);
        }}
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
