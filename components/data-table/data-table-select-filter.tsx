"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils";

type Props<V extends string> = {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  className?: string;
};

/** A single-choice filter; the label stays visible in the trigger so the toolbar reads as a sentence. */
export function DataTableSelectFilter<V extends string>({ label, value, options, onChange, className }: Props<V>) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as V)}>
      <SelectTrigger className={cn("h-8", className)} aria-label={label}>
        <span className="text-muted-foreground">{label}:</span>
        {/* Explicit text, so the server-rendered HTML already shows the choice. */}
        <SelectValue>{options.find((o) => o.value === value)?.label}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
