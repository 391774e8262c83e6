import type { AriaAttributes } from "react";
import { cn } from "@/lib/utils";

type TimeZoneSelectProps = {
  id: string;
  name: string;
  /** The zone selected at first; offered even when it is not among `zones`, so saving never silently changes it. */
  defaultValue: string;
  /** The IANA zones to offer (e.g. lib/time timeZoneChoices(), or a country's zones). */
  zones: readonly string[];
  className?: string;
} & Pick<AriaAttributes, "aria-describedby" | "aria-invalid" | "aria-label" | "aria-labelledby">;

/**
 * A native select of IANA time zones, shown with spaces for underscores ("America/New York").
 * Native, not the Radix select: several hundred options need the browser's own type-to-find and
 * scrolling, and a native select only ever submits one of its options.
 */
export function TimeZoneSelect({ id, name, defaultValue, zones, className, ...aria }: TimeZoneSelectProps) {
  const options = zones.includes(defaultValue) ? zones : [defaultValue, ...zones];
  return (
    <select
      id={id}
      name={name}
      defaultValue={defaultValue}
      className={cn("h-9 w-full min-w-0 rounded-md border bg-transparent px-3 text-sm shadow-xs", className)}
      {...aria}
    >
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
