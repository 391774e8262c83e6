"use client";

import { CheckIcon, CirclePlusIcon } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Separator } from "@/components/ui/separator";
import { cn } from "@/lib/utils";

export type FilterOption<V extends string = string> = { value: V; label: string; count?: number };

type Props<V extends string> = {
  title: string;
  options: readonly FilterOption<V>[];
  selected: readonly V[];
  onChange: (values: V[]) => void;
};

/** A multi-select filter in a popover; the trigger names the current choice. */
export function DataTableFacetedFilter<V extends string>({ title, options, selected, onChange }: Props<V>) {
  const chosen = new Set(selected);
  const toggle = (value: V) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? !chosen.has(v) : chosen.has(v))));
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="h-8 border-dashed">
          <CirclePlusIcon />
          {title}
          {chosen.size > 0 && (
            <>
              <Separator orientation="vertical" className="mx-1 h-4" />
              {chosen.size > 2 ? (
                <Badge variant="secondary" className="rounded-sm px-1 font-normal">
                  {chosen.size} selected
                </Badge>
              ) : (
                options
                  .filter((o) => chosen.has(o.value))
                  .map((o) => (
                    <Badge key={o.value} variant="secondary" className="rounded-sm px-1 font-normal">
                      {o.label}
                    </Badge>
                  ))
              )}
            </>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-64 p-1" align="start">
        <div role="group" aria-label={title} className="flex flex-col">
          {options.map((option) => {
            const isSelected = chosen.has(option.value);
            return (
              <button
                key={option.value}
                type="button"
                role="menuitemcheckbox"
                aria-checked={isSelected}
                onClick={() => toggle(option.value)}
                className="flex items-center gap-2 rounded-sm px-2 py-1.5 text-left text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
              >
                <span
                  className={cn(
                    "flex size-4 items-center justify-center rounded-[4px] border",
                    isSelected ? "border-primary bg-primary text-primary-foreground" : "border-input",
                  )}
                >
                  {isSelected && <CheckIcon className="size-3" />}
                </span>
                <span className="flex-1">{option.label}</span>
                {option.count !== undefined && (
                  <span className="font-mono text-xs text-muted-foreground">{option.count}</span>
                )}
              </button>
            );
          })}
          {chosen.size > 0 && (
            <>
              <Separator className="my-1" />
              <button
                type="button"
                onClick={() => onChange([])}
                className="rounded-sm px-2 py-1.5 text-center text-sm hover:bg-accent"
              >
                Clear {title.toLowerCase()}
              </button>
            </>
          )}
        </div>
      </PopoverContent>
    </Popover>
  );
}
