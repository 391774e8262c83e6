import type { SVGProps } from "react";

/**
 * Lucide's icons (ISC licence, path data copied from lucide-react 1.81) as static markup. The
 * lucide-react component rebuilds each icon's attributes per render (spreads, class merging, an
 * attribute-name map) and writes nine presentation attributes into the HTML; a queue view
 * renders ~25 icons, ~3 % of the server's busy time in the pages bench profile. Here the body is
 * one prebuilt string and the presentation lives once in app/globals.css (`svg.icon`, base layer,
 * so any size or stroke utility still wins). Decorative only: always aria-hidden. Every icon of
 * the console comes from here: lucide-react's icon is a client component, so each one also
 * travelled in the RSC payload with its path data and was hydrated. A new icon: copy the `node`
 * of node_modules/lucide-react/dist/esm/icons/<name>.mjs into a body string.
 */
type IconProps = Omit<SVGProps<SVGSVGElement>, "children" | "dangerouslySetInnerHTML">;

/** An icon component of this module (what a map from event type to icon holds). */
export type StaticIcon = (props: IconProps) => React.JSX.Element;

function icon(name: string, body: string): StaticIcon {
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
export const AlarmClockIcon = icon(
  "alarm-clock",
  '<circle cx="12" cy="13" r="8"/><path d="M12 9v4l2 2"/><path d="M5 3 2 6"/><path d="m22 6-3-3"/><path d="M6.38 18.7 4 21"/><path d="M17.64 18.67 20 21"/>',
);
export const ArrowLeftIcon = icon("arrow-left", '<path d="m12 19-7-7 7-7"/><path d="M19 12H5"/>');
export const BanIcon = icon("ban", '<circle cx="12" cy="12" r="10"/><path d="M4.929 4.929 19.07 19.071"/>');
export const BellRingIcon = icon(
  "bell-ring",
  '<path d="M10.268 21a2 2 0 0 0 3.464 0"/><path d="M22 8c0-2.3-.8-4.3-2-6"/><path d="M3.262 15.326A1 1 0 0 0 4 17h16a1 1 0 0 0 .74-1.673C19.41 13.956 18 12.499 18 8A6 6 0 0 0 6 8c0 4.499-1.411 5.956-2.738 7.326"/><path d="M4 2C2.8 3.7 2 5.7 2 8"/>',
);
export const BuildingIcon = icon(
  "building-complex",
  '<path d="M10 12h4"/><path d="M10 8h4"/><path d="M14 21v-3a2 2 0 0 0-4 0v3"/><path d="M6 10H4a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V9a2 2 0 0 0-2-2h-2"/><path d="M6 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16"/>',
);
export const CheckCheckIcon = icon("check-check", '<path d="M18 6 7 17l-5-5"/><path d="m22 10-7.5 7.5L13 16"/>');
export const CircleAlertIcon = icon(
  "circle-exclamation-point",
  '<circle cx="12" cy="12" r="10"/><line x1="12" x2="12" y1="8" y2="12"/><line x1="12" x2="12.01" y1="16" y2="16"/>',
);
export const CircleCheckIcon = icon("circle-check", '<circle cx="12" cy="12" r="10"/><path d="m16 9-5.5 5.5L8 12"/>');
export const CircleDashedIcon = icon(
  "circle-dashed",
  '<path d="M10.1 2.182a10 10 0 0 1 3.8 0"/><path d="M13.9 21.818a10 10 0 0 1-3.8 0"/><path d="M17.609 3.721a10 10 0 0 1 2.69 2.7"/><path d="M2.182 13.9a10 10 0 0 1 0-3.8"/><path d="M20.279 17.609a10 10 0 0 1-2.7 2.69"/><path d="M21.818 10.1a10 10 0 0 1 0 3.8"/><path d="M3.721 6.391a10 10 0 0 1 2.7-2.69"/><path d="M6.391 20.279a10 10 0 0 1-2.69-2.7"/>',
);
export const CircleDotIcon = icon("circle-dot", '<circle cx="12" cy="12" r="1"/><circle cx="12" cy="12" r="10"/>');
export const CircleIcon = icon("circle", '<circle cx="12" cy="12" r="10"/>');
export const CirclePlayIcon = icon(
  "circle-play",
  '<path d="M9 9.003a1 1 0 0 1 1.517-.859l4.997 2.997a1 1 0 0 1 0 1.718l-4.997 2.997A1 1 0 0 1 9 14.996z"/><circle cx="12" cy="12" r="10"/>',
);
export const CircleXIcon = icon(
  "circle-x",
  '<circle cx="12" cy="12" r="10"/><path d="m15 9-6 6"/><path d="m9 9 6 6"/>',
);
export const ClockIcon = icon("clock", '<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>');
export const CloudOffIcon = icon(
  "cloud-off",
  '<path d="M10.94 5.274A7 7 0 0 1 15.71 10h1.79a4.5 4.5 0 0 1 4.222 6.057"/><path d="M18.796 18.81A4.5 4.5 0 0 1 17.5 19H9A7 7 0 0 1 5.79 5.78"/><path d="m2 2 20 20"/>',
);
export const CopyIcon = icon(
  "copy",
  '<rect width="14" height="14" x="8" y="8" rx="2" ry="2"/><path d="M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2"/>',
);
export const ExternalLinkIcon = icon(
  "external-link",
  '<path d="M15 3h6v6"/><path d="M10 14 21 3"/><path d="M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6"/>',
);
export const EyeIcon = icon(
  "eye",
  '<path d="M2.062 12.348a1 1 0 0 1 0-.696 10.75 10.75 0 0 1 19.876 0 1 1 0 0 1 0 .696 10.75 10.75 0 0 1-19.876 0"/><circle cx="12" cy="12" r="3"/>',
);
export const EyeOffIcon = icon(
  "eye-off",
  '<path d="M10.733 5.076a10.744 10.744 0 0 1 11.205 6.575 1 1 0 0 1 0 .696 10.747 10.747 0 0 1-1.444 2.49"/><path d="M14.084 14.158a3 3 0 0 1-4.242-4.242"/><path d="M17.479 17.499a10.75 10.75 0 0 1-15.417-5.151 1 1 0 0 1 0-.696 10.75 10.75 0 0 1 4.446-5.143"/><path d="m2 2 20 20"/>',
);
export const FileQuestionIcon = icon(
  "file-question-mark",
  '<path d="M6 22a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h8a2.4 2.4 0 0 1 1.704.706l3.588 3.588A2.4 2.4 0 0 1 20 8v12a2 2 0 0 1-2 2z"/><path d="M9 9.5a3 2.5 0 016 0c0 2-2 2-3 3.5"/><path d="M12 17h.01"/>',
);
export const HeartPulseIcon = icon(
  "heart-pulse",
  '<path d="M2 9.5a5.5 5.5 0 0 1 9.591-3.676.56.56 0 0 0 .818 0A5.49 5.49 0 0 1 22 9.5c0 2.29-1.5 4-3 5.5l-5.492 5.313a2 2 0 0 1-3 .019L5 15c-1.5-1.5-3-3.2-3-5.5"/><path d="M3.22 13H9.5l.5-1 2 4.5 2-7 1.5 3.5h5.27"/>',
);
export const KeyRoundIcon = icon(
  "key-round",
  '<path d="M2.586 17.414A2 2 0 0 0 2 18.828V21a1 1 0 0 0 1 1h3a1 1 0 0 0 1-1v-1a1 1 0 0 1 1-1h1a1 1 0 0 0 1-1v-1a1 1 0 0 1 1-1h.172a2 2 0 0 0 1.414-.586l.814-.814a6.5 6.5 0 1 0-4-4z"/><circle cx="16.5" cy="7.5" r=".5" fill="currentColor"/>',
);
export const LinkIcon = icon(
  "link",
  '<path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71"/><path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71"/>',
);
export const LoaderCircleIcon = icon("loader-circle", '<path d="M21 12a9 9 0 1 1-6.219-8.56"/>');
export const MailIcon = icon(
  "mail",
  '<path d="m22 7-8.991 5.727a2 2 0 0 1-2.009 0L2 7"/><rect x="2" y="4" width="20" height="16" rx="2"/>',
);
export const MailOpenIcon = icon(
  "mail-open",
  '<path d="M21.2 8.4c.5.38.8.97.8 1.6v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V10a2 2 0 0 1 .8-1.6l8-6a2 2 0 0 1 2.4 0l8 6Z"/><path d="m22 10-8.97 5.7a1.94 1.94 0 0 1-2.06 0L2 10"/>',
);
export const PhoneCallIcon = icon(
  "phone-call",
  '<path d="M13 2a9 9 0 0 1 9 9"/><path d="M13 6a5 5 0 0 1 5 5"/><path d="M13.832 16.568a1 1 0 0 0 1.213-.303l.355-.465A2 2 0 0 1 17 15h3a2 2 0 0 1 2 2v3a2 2 0 0 1-2 2A18 18 0 0 1 2 4a2 2 0 0 1 2-2h3a2 2 0 0 1 2 2v3a2 2 0 0 1-.8 1.6l-.468.351a1 1 0 0 0-.292 1.233 14 14 0 0 0 6.392 6.384"/>',
);
export const RefreshCcwIcon = icon(
  "refresh-ccw",
  '<path d="M21 12a9 9 0 0 0-9-9 9.75 9.75 0 0 0-6.74 2.74L3 8"/><path d="M3 3v5h5"/><path d="M3 12a9 9 0 0 0 9 9 9.75 9.75 0 0 0 6.74-2.74L21 16"/><path d="M16 16h5v5"/>',
);
export const RefreshCwIcon = icon(
  "refresh-cw",
  '<path d="M3 12a9 9 0 0 1 9-9 9.75 9.75 0 0 1 6.74 2.74L21 8"/><path d="M21 3v5h-5"/><path d="M21 12a9 9 0 0 1-9 9 9.75 9.75 0 0 1-6.74-2.74L3 16"/><path d="M8 16H3v5"/>',
);
export const ShieldAlertIcon = icon(
  "shield-exclamation-point",
  '<path d="M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1z"/><path d="M12 8v4"/><path d="M12 16h.01"/>',
);
export const ShieldCheckIcon = icon(
  "shield-check",
  '<path d="M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1z"/><path d="m9 12 2 2 4-4"/>',
);
export const StickyNoteIcon = icon(
  "sticky-note",
  '<path d="M21 9a2.4 2.4 0 0 0-.706-1.706l-3.588-3.588A2.4 2.4 0 0 0 15 3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2z"/><path d="M15 3v5a1 1 0 0 0 1 1h5"/>',
);
export const StoreIcon = icon(
  "store",
  '<path d="M15 21v-5a1 1 0 0 0-1-1h-4a1 1 0 0 0-1 1v5"/><path d="M17.774 10.31a1.12 1.12 0 0 0-1.549 0 2.5 2.5 0 0 1-3.451 0 1.12 1.12 0 0 0-1.548 0 2.5 2.5 0 0 1-3.452 0 1.12 1.12 0 0 0-1.549 0 2.5 2.5 0 0 1-3.77-3.248l2.889-4.184A2 2 0 0 1 7 2h10a2 2 0 0 1 1.653.873l2.895 4.192a2.5 2.5 0 0 1-3.774 3.244"/><path d="M4 10.95V19a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8.05"/>',
);
export const Undo2Icon = icon(
  "undo-2",
  '<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 5.5 5.5a5.5 5.5 0 0 1-5.5 5.5H11"/>',
);
export const UserCheckIcon = icon(
  "user-check",
  '<path d="m16 11 2 2 4-4"/><path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/>',
);
export const UserPlusIcon = icon(
  "user-plus",
  '<path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><line x1="19" x2="19" y1="8" y2="14"/><line x1="22" x2="16" y1="11" y2="11"/>',
);
