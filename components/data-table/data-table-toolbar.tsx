"use client";

import { SearchIcon, XIcon } from "@/components/ui/icons";
import type * as React from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Props = {
  search: { value: string; onChange: (value: string) => void; placeholder: string; label: string };
  /** Shows "Reset" when the view differs from its defaults. */
  isFiltered: boolean;
  onReset: () => void;
  /** Filters (faceted/select), rendered after the search box. */
  children?: React.ReactNode;
  /** Right-aligned actions (e.g. bulk actions). */
  actions?: React.ReactNode;
};

export function DataTableToolbar({ search, isFiltered, onReset, children, actions }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="relative max-w-full">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          value={search.value}
          onChange={(e) => search.onChange(e.target.value)}
          placeholder={search.placeholder}
          aria-label={search.label}
          className="h-8 w-64 max-w-full pl-8"
        />
      </div>
      {children}
      {isFiltered && (
        <Button variant="ghost" size="sm" className="h-8" onClick={onReset}>
          Reset
          <XIcon />
        </Button>
      )}
      {actions && <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
