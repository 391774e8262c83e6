import { addDays, startOfDay } from "date-fns";
import { tz, tzOffset } from "@date-fns/tz";

/**
 * Wall-clock time (what a person types: "2026-03-29T02:30") ↔ instants, in an IANA zone.
 *
 * DST rules, the same as Temporal's "compatible" disambiguation:
 * - a time that does not exist (skipped by a spring-forward gap) moves forward by the gap:
 *   02:30 on 29 Mar 2026 in Europe/Amsterdam is read as 03:30 CEST;
 * - a time that exists twice (a fall-back overlap) is the earlier of the two:
 *   02:30 on 25 Oct 2026 in Europe/Amsterdam is read as 02:30 CEST (00:30 UTC), not CET.
 */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };
export type Disambiguation = "exact" | "gap-moved-forward" | "overlap-earlier";

const MINUTE = 60_000;
const DAY = 86_400_000;

export function wallClockToInstant(wall: WallClock, zone: string): { instant: Date; disambiguation: Disambiguation } {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // No zone changes its offset twice within two days, so the offsets a day either side are
  // the only candidates; a candidate fits when the zone really has that offset at that instant.
  const before = tzOffset(zone, new Date(asUtc - DAY));
  const after = tzOffset(zone, new Date(asUtc + DAY));
  const fits = [...new Set([before, after])]
    .map((offset) => asUtc - offset * MINUTE)
    .filter((instant) => asUtc - tzOffset(zone, new Date(instant)) * MINUTE === instant)
    .sort((a, b) => a - b);
  const [earliest] = fits;
  if (earliest !== undefined)
    return { instant: new Date(earliest), disambiguation: fits.length > 1 ? "overlap-earlier" : "exact" };
  // In a gap: read with the offset in force before it, which lands the gap's length later.
  return { instant: new Date(asUtc - before * MINUTE), disambiguation: "gap-moved-forward" };
}

const num = (m: RegExpExecArray, i: number) => Number(m[i]);
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// What the console's date fields show and people type: day first ("05-12-2026", "5/12/2026",
// "5.12.2026"), a 24-hour time after a space ("05-12-2026 14:20").
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2}))?$/;

/** The wall clock typed as `value`: ISO ("2026-12-05T14:20", a browser's own fields) or day first. */
function typedWall(value: string, withTime: boolean): WallClock | null {
  const text = value.trim();
  const iso = (withTime ? DATE_TIME : DATE).exec(text);
  const dayFirst = iso ? null : DAY_FIRST.exec(text);
  if (dayFirst && (dayFirst[4] !== undefined) !== withTime) return null;
  const m = iso ?? dayFirst;
  if (!m) return null;
  // Which group holds the year, month and day: ISO writes them in that order, day first reversed.
  const [y, mo, d] = iso ? [1, 2, 3] : [3, 2, 1];
  const [hour, minute] = withTime ? [num(m, 4), num(m, 5)] : [0, 0];
  return { year: num(m, y), month: num(m, mo), day: num(m, d), hour, minute };
}

function validWall(wall: WallClock): boolean {
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  return (
    probe.getUTCFullYear() === wall.year &&
    probe.getUTCMonth() === wall.month - 1 &&
    probe.getUTCDate() === wall.day &&
    probe.getUTCHours() === wall.hour &&
    probe.getUTCMinutes() === wall.minute
  );
}

/**
 * A typed date and time ("05-12-2026 14:20", or a `datetime-local` value "2026-12-05T14:20") read
 * in `zone`; null when it is not one.
 */
export function parseLocalDateTime(value: string, zone: string): Date | null {
  const wall = typedWall(value, true);
  return wall && validWall(wall) ? wallClockToInstant(wall, zone).instant : null;
}

/** A typed date ("05-12-2026", or ISO "2026-12-05"): its calendar day in `zone`, as the instants it starts and ends. */
export function parseLocalDate(value: string, zone: string): { start: Date; end: Date } | null {
  const wall = typedWall(value, false);
  if (!wall || !validWall(wall)) return null;
  const start = wallClockToInstant(wall, zone).instant;
  return { start, end: startOfNextDay(start, zone) };
}

/** The first instant of the day after `date`'s day in `zone` (a day is 23, 24 or 25 hours long). */
export function startOfNextDay(date: Date, zone: string): Date {
  const inZone = { in: tz(zone) };
  return new Date(startOfDay(addDays(date, 1, inZone), inZone).getTime());
}

/** True when `date` is exactly midnight in `zone` (how an end-of-day boundary looks). */
export function isStartOfDay(date: Date, zone: string): boolean {
  return startOfDay(date, { in: tz(zone) }).getTime() === date.getTime();
}

/** A typed day (day first or ISO) as an ISO day ("2026-12-05"), for URLs; null when it is not a date. */
export function isoDayOf(value: string): string | null {
  const wall = typedWall(value, false);
  if (!wall || !validWall(wall)) return null;
  return [
    String(wall.year).padStart(4, "0"),
    String(wall.month).padStart(2, "0"),
    String(wall.day).padStart(2, "0"),
  ].join("-");
}

/** The wall clock of `date` in `zone` as the console's date-time fields show it ("29-11-2026 14:20"). */
export function toTypedDateTime(date: Date, zone: string): string {
  const [day, time] = toLocalDateTimeValue(date, zone).split("T") as [string, string];
  return `${fromIsoDay(day)} ${time}`;
}

/** The day `date` falls on in `zone`, as the console's date fields show it ("05-12-2026"). */
export function toTypedDate(date: Date, zone: string): string {
  return fromIsoDay(toLocalDateTimeValue(date, zone).slice(0, 10));
}

/** An ISO day ("2026-12-05") as the console's date fields show it ("05-12-2026"). */
export function fromIsoDay(isoDay: string): string {
  const [year, month, day] = isoDay.split("-");
  return `${day}-${month}-${year}`;
}

/** The wall clock of `date` in `zone` as a `datetime-local` value ("2026-11-29T14:20"). */
export function toLocalDateTimeValue(date: Date, zone: string): string {
  const local = new Date(date.getTime() + tzOffset(zone, date) * MINUTE);
  return local.toISOString().slice(0, 16);
}
