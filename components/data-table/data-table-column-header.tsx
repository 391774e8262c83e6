"use client";

import { buttonVariants } from "@/components/ui/button";
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon } from "@/components/ui/icons";
import { cn } from "@/lib/utils";

// The ghost button's classes, merged once per module rather than per header (as <Button> would).
const SORT_BUTTON = cn(buttonVariants({ variant: "ghost", size: "sm", className: "-ml-3 h-8" }));

/**
 * A sortable column title: a click sorts ascending, the next descending. Server tables always
 * have a sort, so it never cycles back to "unsorted". The header cell carries `aria-sort`.
 */
export function DataTableColumnHeader({
  title,
  sorted,
  onSort,
}: {
  title: string;
  sorted: false | "asc" | "desc";
  onSort: (desc: boolean) => void;
}) {
  const Icon = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ChevronsUpDownIcon;
  return (
    <button
      type="button"
      data-slot="button"
      className={SORT_BUTTON}
      onClick={() => onSort(sorted === "asc")}
      aria-label={`Sort by ${title} ${sorted === "asc" ? "descending" : "ascending"}`}
    >
      {title}
      <Icon className={sorted ? "size-3.5" : "size-3.5 opacity-40"} />
    </button>
  );
}
