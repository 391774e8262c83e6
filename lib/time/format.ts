import { isStartOfDay } from "./wall-clock";

/**
 * How the console writes an instant: in the viewer's zone, 24-hour, day before month, with the
 * zone's label ("29 Nov 2026, 14:20 CET"). Never the browser's own offset: callers pass the zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Keyed by the caller's name for its options (not their JSON: pages format dozens of instants per view). */
function formatter(
  name: string,
  locale: string,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${name}|${locale}|${zone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })));
  return f;
}

function part(date: Date, zone: string, locale: string): string {
  return (
    formatter("zone", locale, zone, { timeZoneName: "short" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value ?? zone
  );
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};
const OFFSET_LABEL = /^GMT[+-]/;

/** "CET" / "CEST", "EST" / "EDT", "GMT" / "BST", "UTC"; zones without a common abbreviation get "GMT+5:30". */
export function zoneLabel(date: Date, zone: string): string {
  const british = part(date, zone, "en-GB");
  if (!OFFSET_LABEL.test(british)) return british;
  const american = part(date, zone, "en-US");
  return OFFSET_LABEL.test(american) ? british : american;
}

/**
 * "29 Nov 2026, 14:20 CET". One `format` call with the British zone name appended (en-GB writes
 * exactly "date, time label"); only a zone it labels with an offset asks zoneLabel for an
 * American abbreviation. Half the Intl work of formatting and then labelling separately.
 */
export function formatDateTime(date: Date, zone: string): string {
  const text = formatter("date-time-zone", "en-GB", zone, { ...DATE_TIME, timeZoneName: "short" }).format(date);
  const cut = text.lastIndexOf(" ");
  if (!OFFSET_LABEL.test(text.slice(cut + 1))) return text;
  return `${text.slice(0, cut)} ${zoneLabel(date, zone)}`;
}

/**
 * The calendar day `date` falls on in `zone`, month written out in `locale` ("5 December 2026",
 * "5 december 2026", "5. Dezember 2026", "5 décembre 2026"): for emails to merchants.
 */
export function formatLongDate(date: Date, zone: string, locale: string): string {
  return formatter("long-date", locale, zone, { day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** "5 Dec 2026": the calendar day `date` falls on in `zone`. */
export function formatDate(date: Date, zone: string): string {
  return formatter("date", "en-GB", zone, { day: "numeric", month: "short", year: "numeric" }).format(date);
}

/** "14:20 CET" */
export function formatTime(date: Date, zone: string): string {
  const f = formatter("time", "en-GB", zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
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
