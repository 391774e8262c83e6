"use client";

import { ChevronDownIcon } from "@/components/ui/icons";
import { cn } from "@/lib/utils";

type Props<V extends string> = {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  className?: string;
  /** When the label is shown beside the control instead (it still names the select). */
  hideLabel?: boolean;
};

/**
 * A single-choice filter; the label stays visible in the trigger so the toolbar reads as a
 * sentence. A native <select>, transparent over the pill (a click anywhere on it opens the
 * browser's list; keyboard and screen readers get the platform control): Radix's Select
 * rendered ~10 components and a hidden <select> per filter on every server render.
 */
export function DataTableSelectFilter<V extends string>({
  label,
  value,
  options,
  onChange,
  className,
  hideLabel,
}: Props<V>) {
  return (
    <span
      className={cn(
        "select-trigger relative h-8 has-[select:focus-visible]:border-ring has-[select:focus-visible]:ring-[3px] has-[select:focus-visible]:ring-ring/50",
        className,
      )}
    >
      {!hideLabel && <span className="text-muted-foreground">{label}:</span>}
      <span>{options.find((o) => o.value === value)?.label}</span>
      <ChevronDownIcon className="size-4 opacity-50" />
      <select
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        className="absolute inset-0 cursor-pointer appearance-none opacity-0"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
