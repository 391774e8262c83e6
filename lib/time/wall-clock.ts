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
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

/** A `datetime-local` value ("2026-11-29T14:20") read in `zone`; null when it is not one. */
export function parseLocalDateTime(value: string, zone: string): Date | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const wall = { year: num(m, 1), month: num(m, 2), day: num(m, 3), hour: num(m, 4), minute: num(m, 5) };
  return validWall(wall) ? wallClockToInstant(wall, zone).instant : null;
}

/** A `date` value ("2026-12-05"): its calendar day in `zone`, as the instants it starts and ends. */
export function parseLocalDate(value: string, zone: string): { start: Date; end: Date } | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const wall = { year: num(m, 1), month: num(m, 2), day: num(m, 3), hour: 0, minute: 0 };
  if (!validWall(wall)) return null;
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

/** The wall clock of `date` in `zone` as a `datetime-local` value ("2026-11-29T14:20"). */
export function toLocalDateTimeValue(date: Date, zone: string): string {
  const local = new Date(date.getTime() + tzOffset(zone, date) * MINUTE);
  return local.toISOString().slice(0, 16);
}
