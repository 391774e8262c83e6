"use client";

import { CheckIcon, MinusIcon } from "@/components/ui/icons";

type Props = {
  checked: boolean | "indeterminate";
  onCheckedChange: (checked: boolean) => void;
  "aria-label"?: string;
};

/**
 * A selection checkbox: the same markup and look as components/ui/checkbox.tsx (the styles
 * hang on `data-slot="checkbox"`), without the hidden form input Radix renders on the server
 * for every checkbox. Selection is table state, never submitted, and a 25-row page carried 26
 * of those inputs (~5 KB of its HTML).
 */
export function DataTableCheckbox({ checked, onCheckedChange, "aria-label": label }: Props) {
  const state = checked === "indeterminate" ? "indeterminate" : checked ? "checked" : "unchecked";
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={checked === "indeterminate" ? "mixed" : checked}
      aria-label={label}
      data-state={state}
      data-slot="checkbox"
      className="peer"
      onClick={() => onCheckedChange(checked !== true)}
      // As Radix does: a checkbox toggles with Space only (WAI-ARIA), not with Enter.
      onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
    >
      {checked !== false && (
        <span data-slot="checkbox-indicator" className="flex items-center justify-center text-current">
          {checked === "indeterminate" ? <MinusIcon className="size-3.5" /> : <CheckIcon className="size-3.5" />}
        </span>
      )}
    </button>
  );
}
