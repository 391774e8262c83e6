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

/** Runs of one offset covering [from, to) in epoch milliseconds, in order. */
export function* offsetRuns(from: number, to: number, zone: string): Generator<OffsetRun> {
  let start = from;
  while (start < to) {
    const end = nextChange(zone, start, Math.min(to, start + MAX_RUN));
    yield { start, end, offsetMs: offsetAt(zone, start) };
    start = end;
  }
}
