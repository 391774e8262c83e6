import type { SVGProps } from "react";

/**
 * Lucide's icons (ISC licence, path data copied from lucide-react 1.81) as static markup. The
 * lucide-react component rebuilds each icon's attributes per render (spreads, class merging, an
 * attribute-name map) and writes nine presentation attributes into the HTML; a queue view
 * renders ~25 icons, ~3 % of the server's busy time in the pages bench profile. Here the body is
 * one prebuilt string and the presentation lives once in app/globals.css (`svg.icon`, base layer,
 * so any size or stroke utility still wins). Decorative only: always aria-hidden.
 */
type IconProps = Omit<SVGProps<SVGSVGElement>, "children" | "dangerouslySetInnerHTML">;

function icon(name: string, body: string) {
  const inner = { __html: body };
  const base = `icon lucide-${name}`;
  function Icon({ className, ...props }: IconProps) {
    return (
      <svg
        viewBox="0 0 24 24"
        aria-hidden="true"
        {...props}
        className={className ? `${base} ${className}` : base}
        dangerouslySetInnerHTML={inner}
      />
    );
  }
  return Icon;
}

export const ArrowUpIcon = icon("arrow-up", '<path d="m5 12 7-7 7 7"/><path d="M12 19V5"/>');
export const ArrowDownIcon = icon("arrow-down", '<path d="M12 5v14"/><path d="m19 12-7 7-7-7"/>');
export const ChevronsUpDownIcon = icon("chevrons-up-down", '<path d="m7 15 5 5 5-5"/><path d="m7 9 5-5 5 5"/>');
export const ChevronDownIcon = icon("chevron-down", '<path d="m6 9 6 6 6-6"/>');
export const ChevronLeftIcon = icon("chevron-left", '<path d="m15 18-6-6 6-6"/>');
export const ChevronRightIcon = icon("chevron-right", '<path d="m9 18 6-6-6-6"/>');
export const ChevronsLeftIcon = icon("chevrons-left", '<path d="m11 17-5-5 5-5"/><path d="m18 17-5-5 5-5"/>');
export const ChevronsRightIcon = icon("chevrons-right", '<path d="m6 17 5-5-5-5"/><path d="m13 17 5-5-5-5"/>');
export const SearchIcon = icon("search", '<path d="m21 21-4.34-4.34"/><circle cx="11" cy="11" r="8"/>');
export const CirclePlusIcon = icon(
  "circle-plus",
  '<circle cx="12" cy="12" r="10"/><path d="M8 12h8"/><path d="M12 8v8"/>',
);
export const XIcon = icon("x", '<path d="M18 6 6 18"/><path d="m6 6 12 12"/>');
export const CheckIcon = icon("check", '<path d="M20 6 9 17l-5-5"/>');
export const MinusIcon = icon("minus", '<path d="M5 12h14"/>');
export const CirclePauseIcon = icon(
  "circle-pause",
  '<circle cx="12" cy="12" r="10"/><line x1="10" x2="10" y1="15" y2="9"/><line x1="14" x2="14" y1="15" y2="9"/>',
);
export const TriangleAlertIcon = icon(
  "triangle-exclamation-point",
  '<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3"/><path d="M12 9v4"/><path d="M12 17h.01"/>',
);
export const PlusIcon = icon("plus", '<path d="M5 12h14"/><path d="M12 5v14"/>');
export const LogOutIcon = icon(
  "log-out",
  '<path d="m16 17 5-5-5-5"/><path d="M21 12H9"/><path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/>',
);
export const MonitorXIcon = icon(
  "monitor-x",
  '<path d="m14.5 12.5-5-5"/><path d="m9.5 12.5 5-5"/><rect width="20" height="14" x="2" y="3" rx="2"/><path d="M12 17v4"/><path d="M8 21h8"/>',
);
