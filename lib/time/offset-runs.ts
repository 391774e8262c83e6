import { tzOffset } from "@date-fns/tz";

/**
 * [from, to) cut into runs during which `zone` keeps one UTC offset. Within a run the wall clock
 * is the instant plus the offset, so wall-clock arithmetic there is plain subtraction: a spring-
 * forward gap is simply absent, and a fall-back hour appears in two runs (it really happens twice).
 */
export type OffsetRun = { start: number; end: number; offsetMs: number };

const MINUTE = 60_000;
// No zone changes its offset twice within a day, so probing a day ahead never skips a change.
const PROBE = 86_400_000;
// Runs may be cut anywhere; capping them keeps a lazy walk into the far future cheap per step.
const MAX_RUN = 32 * PROBE;

const offsetAt = (zone: string, ms: number) => tzOffset(zone, new Date(ms)) * MINUTE;

/** The first instant after `start` (within `limit`) where the offset differs from `start`'s; `limit` if none. */
function nextChange(zone: string, start: number, limit: number): number {
  const offset = offsetAt(zone, start);
  let lo = start;
  while (lo < limit) {
    const hi = Math.min(lo + PROBE, limit);
    if (offsetAt(zone, hi) === offset) {
      lo = hi;
      continue;
    }
    // offset(lo) is the old one, offset(hi) the new: narrow to the millisecond.
    let a = lo;
    let b = hi;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (offsetAt(zone, mid) === offset) a = mid;
      else b = mid;
    }
    return b;
  }
  return limit;
}

// The offset changes of a zone in one UTC year, found once by probing (a few hundred tzOffset
// calls, each an Intl format): business time over months of history would otherwise probe every
// day of every interval again (the SLA recompute walks 100,000 merchants). Zone rules are fixed
// for the process's lifetime, so the cache never goes stale.
type YearOffsets = { startOffsetMs: number; changes: { at: number; offsetMs: number }[] };
// Per zone, then per year: no key string is built per look-up (business time asks several per interval).
const yearCache = new Map<string, Map<number, YearOffsets>>();
const YEAR_CACHE_LIMIT = 2_000;
let cachedYears = 0;

function yearOffsets(zone: string, year: number): YearOffsets {
  let years = yearCache.get(zone);
  if (!years) yearCache.set(zone, (years = new Map()));
  let offsets = years.get(year);
  if (!offsets) {
    const first = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    offsets = { startOffsetMs: offsetAt(zone, first), changes: [] };
    for (let at = first; (at = nextChange(zone, at, end)) < end;)
      offsets.changes.push({ at, offsetMs: offsetAt(zone, at) });
    if (++cachedYears > YEAR_CACHE_LIMIT) {
      yearCache.clear();
      yearCache.set(zone, (years = new Map()));
      cachedYears = 1;
    }
    years.set(year, offsets);
  }
  return offsets;
}

/** The zone's offset at `ms`, from the cached changes of its year. */
function cachedOffsetAt(zone: string, ms: number): number {
  const { startOffsetMs, changes } = yearOffsets(zone, new Date(ms).getUTCFullYear());
  let offset = startOffsetMs;
  for (const change of changes) if (change.at <= ms) offset = change.offsetMs;
  return offset;
}

/** The first offset change strictly after `start` and before `limit`; `limit` if none. */
function nextCachedChange(zone: string, start: number, limit: number): number {
  for (let year = new Date(start).getUTCFullYear(); Date.UTC(year, 0, 1) < limit; year++) {
    const found = yearOffsets(zone, year).changes.find((change) => change.at > start);
    if (found !== undefined) return Math.min(found.at, limit);
  }
  return limit;
}

/** Runs of one offset covering [from, to) in epoch milliseconds, in order. */
export function* offsetRuns(from: number, to: number, zone: string): Generator<OffsetRun> {
  let start = from;
  while (start < to) {
    const end = nextCachedChange(zone, start, Math.min(to, start + MAX_RUN));
    yield { start, end, offsetMs: cachedOffsetAt(zone, start) };
    start = end;
  }
}
