import { isStartOfDay } from "./wall-clock";

/**
 * How the console writes an instant: in the viewer's zone, 24-hour, day before month, with the
 * zone's label ("29 Nov 2026, 14:20 CET"). Never the browser's own offset: callers pass the zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

function part(date: Date, zone: string, locale: string): string {
  return (
    formatter(locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value ?? zone
  );
}

/** "CET" / "CEST", "EST" / "EDT", "GMT" / "BST", "UTC"; zones without a common abbreviation get "GMT+5:30". */
export function zoneLabel(date: Date, zone: string): string {
  const british = part(date, zone, "en-GB");
  if (!/^GMT[+-]/.test(british)) return british;
  const american = part(date, zone, "en-US");
  return /^GMT[+-]/.test(american) ? british : american;
}

/** "29 Nov 2026, 14:20 CET" */
export function formatDateTime(date: Date, zone: string): string {
  const f = formatter("en-GB", {
    timeZone: zone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return `${f.format(date)} ${zoneLabel(date, zone)}`;
}

/** "5 Dec 2026": the calendar day `date` falls on in `zone`. */
export function formatDate(date: Date, zone: string): string {
  return formatter("en-GB", { timeZone: zone, day: "numeric", month: "short", year: "numeric" }).format(date);
}

/** "14:20 CET" */
export function formatTime(date: Date, zone: string): string {
  const f = formatter("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${f.format(date)} ${zoneLabel(date, zone)}`;
}

/**
 * An exclusive end such as a hold's "until". Midnight in the viewer's zone is the end of the day
 * before, so a hold through 5 Dec reads "5 Dec 2026, end of day CET"; any other instant is exact.
 */
export function formatEndOfDay(end: Date, zone: string): string {
  if (!isStartOfDay(end, zone)) return formatDateTime(end, zone);
  const lastMoment = new Date(end.getTime() - 1);
  return `${formatDate(lastMoment, zone)}, end of day ${zoneLabel(lastMoment, zone)}`;
}
