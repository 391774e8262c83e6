"use client";

import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "@/components/ui/icons";
import { DataTableSelectFilter } from "./data-table-select-filter";

type Props = {
  /** 1-based, as in the URL. */
  page: number;
  pageCount: number;
  pageSize: number;
  pageSizes: readonly number[];
  total: number;
  rowsOnPage: number;
  selected: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
};

// Merged once, as <Button> merges per render (size-8 replaces the icon size's size-9).
const PAGE_BUTTON = cn(buttonVariants({ variant: "outline", size: "icon", className: "size-8" }));

/** Page size (from an allow-list), position and page buttons for a server-paginated table. */
export function DataTablePagination({
  page,
  pageCount: count,
  pageSize,
  pageSizes,
  total,
  rowsOnPage,
  selected,
  onPage,
  onPageSize,
}: Props) {
  const pageCount = Math.max(count, 1);
  const first = page <= 1;
  const last = page >= pageCount;
  const sizes = pageSizes.map((size) => ({ value: String(size), label: String(size) }));
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 px-1 text-sm">
      <div className="text-muted-foreground">
        {selected > 0 ? `${selected} of ${rowsOnPage} on this page selected · ` : null}
        {total.toLocaleString("en")} {total === 1 ? "merchant" : "merchants"}
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <span className="flex items-center gap-2">
          <span className="whitespace-nowrap">Rows per page</span>
          <DataTableSelectFilter
            label="Rows per page"
            value={String(pageSize)}
            options={sizes}
            onChange={(v) => onPageSize(Number(v))}
            className="w-[4.5rem]"
            hideLabel
          />
        </span>
        <span className="whitespace-nowrap" aria-live="polite">
          Page {page} of {pageCount}
        </span>
        <div className="flex items-center gap-1">
          <button
            type="button"
            data-slot="button"
            className={PAGE_BUTTON}
            onClick={() => onPage(1)}
            disabled={first}
            aria-label="First page"
          >
            <ChevronsLeftIcon />
          </button>
          <button
            type="button"
            data-slot="button"
            className={PAGE_BUTTON}
            onClick={() => onPage(page - 1)}
            disabled={first}
            aria-label="Previous page"
          >
            <ChevronLeftIcon />
          </button>
          <button
            type="button"
            data-slot="button"
            className={PAGE_BUTTON}
            onClick={() => onPage(page + 1)}
            disabled={last}
            aria-label="Next page"
          >
            <ChevronRightIcon />
          </button>
          <button
            type="button"
            data-slot="button"
            className={PAGE_BUTTON}
            onClick={() => onPage(pageCount)}
            disabled={last}
            aria-label="Last page"
          >
            <ChevronsRightIcon />
          </button>
        </div>
      </div>
    </div>
  );
}
